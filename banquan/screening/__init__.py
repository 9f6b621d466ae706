"""Sensitive-content screening (敏感内容筛查) of applications.

At acceptance (``review.services.accept`` → ``tasks.schedule``) a *run* reads every free-text
field of the application and every text-bearing sample: plain text (UTF-8, GB18030, UTF-16
with BOM), DOCX, PDF (text layer; OCR of images on pages without text), subtitles (SRT, WebVTT,
ASS) and images (OCR through the ``BANQUAN_OCR`` interface, RapidOCR by default). The text is
kept in *pieces* that know their source and location; the live lexicon's screener
(``lexicon.services.current_screener``) finds *hits* in them. A hit in a major-topic category
sends the application to the special review group. Reviewers see each hit in context on the
application page and record *judgements* (确认敏感 / 无问题（误报） / 需专项复审), each audited
under ``screening:<application id>``. An unreadable sample is reported with its reason.

Modules: ``extract/`` (pure extraction), ``ocr`` (the OCR interface), ``sources`` (what a run
reads), ``context`` (hits in context), ``services`` (all writes), ``runner`` (the job body),
``tasks``, ``presentation``, ``views``, ``api``. ``text/`` is the pure screening engine.
"""
