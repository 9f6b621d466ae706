"""Finding CJK fonts for certificates (PDF) and seals (PNG).

``settings.BANQUAN_CJK_FONT`` wins when set: a font file path, optionally ``path#N`` to pick
face N of a ``.ttc``/``.otc`` collection. Otherwise known system paths are searched in order;
Debian's ``fonts-noto-cjk`` gives Noto Serif CJK (the printed look of official documents) with
Noto Sans CJK as the fallback for the few dozen rare characters only the Sans has.

Collections hold one face per region (JP, KR, SC, TC, HK) sharing the same code points but
drawing some characters differently, so the Simplified Chinese face is picked by name rather
than taking face 0 (which is Japanese in the Noto collections).
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from fontTools.ttLib import TTCollection, TTFont

DEBIAN_PACKAGE = "fonts-noto-cjk"

# In order of preference. Each entry is a regular-weight file; a "-Bold" sibling is used for
# headings when present.
SYSTEM_FONT_PATHS = (
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",  # Debian/Ubuntu fonts-noto-cjk
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSerifCJK-Regular.ttc",  # Arch noto-fonts-cjk
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-serif-cjk-fonts/NotoSerifCJK-Regular.ttc",  # Fedora
    "/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",  # Debian fonts-wqy-zenhei
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",  # Debian fonts-wqy-microhei
    "/usr/share/fonts/truetype/arphic/uming.ttc",  # Debian fonts-arphic-uming
)

COLLECTION_SUFFIXES = {".ttc", ".otc"}
# Family-name tokens of Simplified Chinese faces in common collections (Noto "SC", AR PL "CN").
_SIMPLIFIED_TOKENS = re.compile(r"\b(SC|CN|GB)\b")


class CJKFontNotFound(ImproperlyConfigured):
    """No usable CJK font: certificates cannot be drawn without one."""


@dataclass(frozen=True)
class FontFace:
    path: Path
    index: int = 0  # face number inside a .ttc/.otc collection; 0 for single fonts

    @property
    def is_collection(self) -> bool:
        return self.path.suffix.lower() in COLLECTION_SUFFIXES


@dataclass(frozen=True)
class FontSet:
    """The faces a certificate uses; optional members are None when not installed."""

    regular: FontFace
    bold: FontFace | None = None
    fallback: FontFace | None = None  # for characters ``regular`` lacks
    mono: FontFace | None = None  # for signatures and key ids in the footer


def cjk_fonts() -> FontSet:
    """The font set for the current settings; raises CJKFontNotFound if there is none."""
    return _font_set(str(getattr(settings, "BANQUAN_CJK_FONT", "") or ""), SYSTEM_FONT_PATHS)


def cjk_font() -> FontFace:
    """The main CJK face (e.g. for images, which cannot fall back to a second font)."""
    return cjk_fonts().regular


def cjk_bold_font() -> FontFace:
    """The bold face if installed, else the regular one."""
    fonts = cjk_fonts()
    return fonts.bold or fonts.regular


def missing_glyphs(text: str) -> list[str]:
    """Characters of ``text`` that neither the main nor the fallback font can draw.

    Lets forms warn about a name that would print as blank boxes before a certificate is made.
    """
    fonts = cjk_fonts()
    cmaps = [_cmap(face) for face in (fonts.regular, fonts.fallback) if face]
    missing: list[str] = []
    for char in text:
        if unicodedata.category(char)[0] in "ZC":  # spaces and controls need no glyph
            continue
        if char not in missing and not any(ord(char) in cmap for cmap in cmaps):
            missing.append(char)
    return missing


def covers(face: FontFace, text: str) -> bool:
    """Whether ``face`` has a glyph for every visible character of ``text``."""
    cmap = _cmap(face)
    return all(ord(char) in cmap or unicodedata.category(char)[0] in "ZC" for char in text)


@lru_cache(maxsize=8)
def _font_set(setting: str, search_paths: tuple[str, ...]) -> FontSet:
    if setting:
        regular = _face_from_setting(setting)
        system = [face for face in _installed_faces(search_paths) if face.path != regular.path]
    else:
        system = _installed_faces(search_paths)
        if not system:
            raise CJKFontNotFound(
                "No CJK font found for certificates. Set BANQUAN_CJK_FONT to a .ttf/.otf/.ttc file, "
                f"or install the Debian package {DEBIAN_PACKAGE} (apt-get install {DEBIAN_PACKAGE}). "
                f"Searched: {', '.join(search_paths)}"
            )
        regular, system = system[0], system[1:]
    return FontSet(
        regular=regular,
        bold=_bold_sibling(regular),
        fallback=system[0] if system else None,
        mono=_mono_face([regular, *system]),
    )


def _face_from_setting(setting: str) -> FontFace:
    raw_path, _, raw_index = setting.partition("#")
    path = Path(raw_path).expanduser()
    if not path.is_file():
        raise CJKFontNotFound(
            f"BANQUAN_CJK_FONT points to {path}, which is not a file. Fix the setting or leave it "
            f"empty to use the system fonts from the Debian package {DEBIAN_PACKAGE}."
        )
    if raw_index:
        if not raw_index.isdigit():
            raise CJKFontNotFound(f"BANQUAN_CJK_FONT face number must be an integer: {setting!r}")
        face = FontFace(path, int(raw_index))
        if face.is_collection and face.index >= len(_face_names(path)):
            raise CJKFontNotFound(f"BANQUAN_CJK_FONT face number is out of range for {path}: {setting!r}")
        return face
    return FontFace(path, _simplified_face_index(path))


def _installed_faces(search_paths: tuple[str, ...]) -> list[FontFace]:
    return [FontFace(Path(p), _simplified_face_index(Path(p))) for p in search_paths if Path(p).is_file()]


def _bold_sibling(face: FontFace) -> FontFace | None:
    if "-Regular" not in face.path.name:
        return None
    bold = face.path.with_name(face.path.name.replace("-Regular", "-Bold"))
    if not bold.is_file():
        return None
    if face.is_collection:
        # Match the region by name ("Noto Serif CJK SC" -> "Noto Serif CJK SC Bold").
        wanted = f"{_face_names(face.path)[face.index]} Bold"
        names = _face_names(bold)
        if wanted in names:
            return FontFace(bold, names.index(wanted))
    return FontFace(bold, face.index)


def _mono_face(candidates: list[FontFace]) -> FontFace | None:
    for face in candidates:
        if face.is_collection:
            names = _face_names(face.path)
            for index, name in enumerate(names):
                if "Mono" in name and _SIMPLIFIED_TOKENS.search(name):
                    return FontFace(face.path, index)
    return None


def _simplified_face_index(path: Path) -> int:
    if path.suffix.lower() not in COLLECTION_SUFFIXES:
        return 0
    names = _face_names(path)
    proportional = [i for i, n in enumerate(names) if "Mono" not in n]
    for index in proportional:
        if _SIMPLIFIED_TOKENS.search(names[index]):
            return index
    return proportional[0] if proportional else 0


@lru_cache(maxsize=32)
def _face_names(path: Path) -> tuple[str, ...]:
    with TTCollection(str(path), lazy=True) as collection:
        return tuple(str(font["name"].getDebugName(4) or "") for font in collection.fonts)


@lru_cache(maxsize=8)
def _cmap(face: FontFace) -> frozenset[int]:
    font = TTFont(str(face.path), fontNumber=face.index, lazy=True)
    try:
        return frozenset(font.getBestCmap() or {})
    finally:
        font.close()
