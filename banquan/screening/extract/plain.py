"""Plain text files in the encodings the office receives.

Tried in order: a byte-order mark (UTF-8, UTF-16, UTF-32), strict UTF-8, strict GB18030
(which covers GBK and GB2312), then ``charset-normalizer``'s best guess. A decoding that
yields NUL or many control characters is taken as wrong, not as text.
"""

import codecs
import unicodedata

from charset_normalizer import from_bytes

from banquan.screening.extract.base import Extracted, Piece, Unreadable, normalize_newlines

BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
ALLOWED_CONTROLS = set("\t\n\r\f\v")
MAX_CONTROL_SHARE = 0.01


def plausible(text: str) -> bool:
    if "\x00" in text:
        return False
    controls = sum(1 for ch in text if ch not in ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc")
    return controls <= max(1, len(text) * MAX_CONTROL_SHARE)


def decode(data: bytes) -> str:
    """The text of ``data`` with newlines as ``\\n``; raises Unreadable."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return normalize_newlines(data.decode(encoding))
            except UnicodeDecodeError:
                raise Unreadable(f"文件以 {encoding.upper()} 字节序标记开头，但内容不是有效的 {encoding.upper()} 文本。") from None
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if plausible(text):
            return normalize_newlines(text)
    guess = from_bytes(data).best()
    if guess is not None:
        text = str(guess)
        if plausible(text):
            return normalize_newlines(text)
    raise Unreadable("无法识别文本编码（不是 UTF-8、GB18030 或带字节序标记的 UTF-16），内容无法读取。")


def extract(data: bytes) -> Extracted:
    text = decode(data)
    return Extracted([Piece("", text)] if text.strip() else [])
