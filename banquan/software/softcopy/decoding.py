"""Source text from bytes: UTF-8 (with or without BOM) first, then GB18030 (common in Chinese
projects), then charset-normalizer's best guess; None when nothing fits."""

import charset_normalizer


def decode_source(data: bytes) -> str | None:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return _normalise(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    best = charset_normalizer.from_bytes(data).best()
    return _normalise(str(best)) if best is not None else None


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
