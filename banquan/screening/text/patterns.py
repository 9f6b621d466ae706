"""Contact details that are not lexicon terms: long digit runs (phone and QQ numbers, even in
styled or Chinese digits), e-mail addresses, web addresses and IPv4 addresses.

Off by default (applications carry contact details for good reasons); an office that wants
them flagged turns them on with ``Screener.build(..., detect_contacts=True)``.
"""

import re
from collections.abc import Iterator

from banquan.screening.text.fold import Folded

CATEGORY = "联系方式"
MIN_DIGITS = 8
_DIGIT_RUN = re.compile(f"[0-9]{{{MIN_DIGITS},}}")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_URL = re.compile(r"(?:https?://)?(?:[A-Za-z0-9-]+\.)+(?:com|cn|net|org|info|top|xyz|cc|me|io|edu|gov)\b(?:/[!-~]*)?")
_IPV4 = re.compile(r"(?<![0-9.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![0-9.])")


def find(text: str, folded: Folded) -> Iterator[tuple[str, int, int]]:
    """(what, start, end) for each contact detail, offsets into the original text."""
    for m in _DIGIT_RUN.finditer(folded.symbols):
        yield "数字串", folded.starts[m.start()], folded.ends[m.end() - 1]
    taken: list[tuple[int, int]] = []
    for what, pattern in (("邮箱", _EMAIL), ("IP地址", _IPV4), ("网址", _URL)):
        for m in pattern.finditer(text):
            if not any(a <= m.start() < b for a, b in taken):
                taken.append((m.start(), m.end()))
                yield what, m.start(), m.end()
