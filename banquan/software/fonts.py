"""The office's fonts for deposit PDFs, from the certificate font settings (needs Django settings;
the pure builder in ``softcopy`` takes the fonts as arguments instead)."""

from banquan.certificates.fonts import FontFace, cjk_fonts
from banquan.software.softcopy.render import FontFile


def deposit_fonts() -> tuple[FontFile, tuple[FontFile, ...]]:
    """The monospaced CJK face for code listings (the regular face when there is none) and the
    faces that draw what it lacks."""
    fonts = cjk_fonts()
    main = fonts.mono or fonts.regular
    others = [face for face in (fonts.regular, fonts.fallback) if face is not None and face != main]
    return _file(main), tuple(_file(face) for face in others)


def prose_fonts() -> tuple[FontFile, tuple[FontFile, ...]]:
    """The regular CJK face for documentation, with the fallback face."""
    fonts = cjk_fonts()
    return _file(fonts.regular), ((_file(fonts.fallback),) if fonts.fallback else ())


def _file(face: FontFace) -> FontFile:
    return FontFile(str(face.path), face.index)
