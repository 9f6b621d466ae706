"""Signs that a page's text is garbled (乱码): what an applicant sees when a file was saved or read
in the wrong encoding.

- U+FFFD, the replacement character a decoder leaves for bytes it could not read;
- 锟斤拷 / 烫烫烫 / 屯屯屯: UTF-8 replacement bytes or uninitialised memory read as GBK;
- UTF-8 read as Latin-1 or Windows-1252 (é → Ã©, ’ → â€™): pairs like "Ã©", three or more;
- control and private-use characters, more than 2 % of the page.
"""

import re
import unicodedata

_FAMOUS = ("锟斤拷", "烫烫烫", "屯屯屯")
_LATIN_MOJIBAKE = re.compile(r"[ÃÂÅÄâ][\u0080-\u00bf\u2018-\u203a€™ œž]")
MAX_ODD_SHARE = 0.02


def garbled(text: str) -> str | None:
    """What makes ``text`` look garbled, in words for the applicant, or None."""
    if "\ufffd" in text:
        return "含有无法显示的替换字符（�）"
    for pattern in _FAMOUS:
        if pattern in text:
            return f"含有“{pattern}”一类的乱码"
    if len(_LATIN_MOJIBAKE.findall(text)) >= 3:
        return "含有“Ã©”“â€™”一类的乱码（UTF-8 文字被当作西文编码读取）"
    visible = [ch for ch in text if not ch.isspace()]
    odd = sum(1 for ch in visible if unicodedata.category(ch) in ("Cc", "Co", "Cs", "Cn"))
    if visible and odd / len(visible) > MAX_ODD_SHARE:
        return "含有大量控制字符或无法识别的字符"
    return None
