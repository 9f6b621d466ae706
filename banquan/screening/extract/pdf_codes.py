"""A second reading of a PDF page's text, for pages pypdf garbles.

pypdf reads a font whose /Encoding is an embedded CMap stream (as fpdf2 and some other
generators write them) one byte at a time, so two-byte character codes come out as NULs and
wrong characters. Here the text-showing operators are decoded with each font's ToUnicode map,
using the code width its codespace range declares.
"""

import re

from pypdf.generic import ContentStream

HEX = r"<([0-9A-Fa-f]+)>"
BFCHAR = re.compile(r"beginbfchar(.*?)endbfchar", re.S)
BFRANGE = re.compile(r"beginbfrange(.*?)endbfrange", re.S)
CODESPACE = re.compile(r"begincodespacerange\s*" + HEX)
MOVES = {b"Td", b"TD", b"T*", b"'", b'"', b"Tm"}


def _utf16(hex_text: str) -> str:
    return bytes.fromhex(hex_text).decode("utf-16-be", errors="replace")


class ToUnicode:
    def __init__(self, cmap: bytes):
        text = cmap.decode("latin-1")
        space = CODESPACE.search(text)
        self.width = len(space.group(1)) // 2 if space else 1
        self.map: dict[int, str] = {}
        for block in BFCHAR.findall(text):
            for src, dst in re.findall(HEX + r"\s*" + HEX, block):
                self.map[int(src, 16)] = _utf16(dst)
        for block in BFRANGE.findall(text):
            for lo, hi, rest in re.findall(HEX + r"\s*" + HEX + r"\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])", block):
                first, last = int(lo, 16), int(hi, 16)
                if rest.startswith("["):
                    for code, dst in zip(range(first, last + 1), re.findall(HEX, rest), strict=False):
                        self.map[code] = _utf16(dst)
                else:
                    base = bytes.fromhex(rest[1:-1])
                    start = int.from_bytes(base, "big")
                    for offset in range(min(last - first, 0xFFFF) + 1):
                        value = (start + offset).to_bytes(len(base), "big")
                        self.map[first + offset] = value.decode("utf-16-be", errors="replace")

    def decode(self, raw: bytes) -> str:
        w = self.width
        codes = (int.from_bytes(raw[i:i + w], "big") for i in range(0, len(raw) - w + 1, w))
        return "".join(self.map.get(code, "") for code in codes)


def _fonts(page) -> dict[str, ToUnicode | None]:
    fonts: dict[str, ToUnicode | None] = {}
    resources = page.get("/Resources") or {}
    for name, ref in (resources.get("/Font") or {}).items():
        font = ref.get_object()
        cmap = font.get("/ToUnicode")
        fonts[name] = ToUnicode(cmap.get_object().get_data()) if cmap is not None else None
    return fonts


def page_text(page, reader) -> str:
    fonts = _fonts(page)
    out: list[str] = []
    font: ToUnicode | None = None
    saved: list[ToUnicode | None] = []
    contents = page.get_contents()
    if contents is None:
        return ""
    for operands, operator in ContentStream(contents, reader).operations:
        if operator == b"q":
            saved.append(font)
        elif operator == b"Q" and saved:
            font = saved.pop()
        elif operator == b"Tf":
            font = fonts.get(operands[0])
        elif operator in MOVES or operator == b"BT":
            if out and not out[-1].endswith("\n"):
                out.append("\n")
        if font is None:
            continue
        if operator in (b"Tj", b"'", b'"'):
            out.append(font.decode(bytes(operands[-1].original_bytes)))
        elif operator == b"TJ":
            out.extend(font.decode(bytes(item.original_bytes)) for item in operands[0]
                       if hasattr(item, "original_bytes"))
    return "".join(out).strip()
