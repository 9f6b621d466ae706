"""Hits in context and grouped by place (no database)."""

from banquan.screening.context import Span, fingerprint, group, surroundings, window

TEXT = "甲" * 40 + "敏感词" + "乙" * 40


def test_a_window_shows_thirty_characters_either_side():
    w = window(TEXT, [(40, 43)])
    assert w.spans == [Span("甲" * 30, False), Span("敏感词", True), Span("乙" * 30, False)]
    assert w.cut_before and w.cut_after


def test_overlapping_marks_merge_and_short_texts_are_not_cut():
    w = window("前文敏感词后文", [(2, 4), (3, 5)])
    assert w.spans == [Span("前文", False), Span("敏感词", True), Span("后文", False)]
    assert not w.cut_before and not w.cut_after


def test_hits_overlapping_in_one_piece_form_one_place():
    hits = [("p1", 0, 3), ("p1", 2, 5), ("p1", 5, 7), ("p2", 5, 7)]
    groups = group(hits, key=lambda h: h[0], span=lambda h: (h[1], h[2]))
    assert [(g.key, g.start, g.end, len(g.hits)) for g in groups] == [("p1", 0, 5, 2), ("p1", 5, 7, 1), ("p2", 5, 7, 1)]


def test_surroundings_and_fingerprints():
    assert surroundings(TEXT, 40, 43, width=2) == "甲甲敏感词乙乙"
    same = dict(source="field:title", term="敏感词", kind="exact", matched="敏感词", start=40, end=43)
    assert fingerprint(text=TEXT, **same) == fingerprint(text="丙" + TEXT[1:], **same)  # far text differs
    assert fingerprint(text=TEXT, **same) != fingerprint(text=TEXT.replace("甲敏", "丁敏"), **same)
