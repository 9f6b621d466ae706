"""Checking uploaded files (no database): what a file really is, whatever its name says.

The type comes from the file's first bytes (``filetype``), never from the browser's
Content-Type. The extension must agree with the content, and each kind has its own size
limit (``settings.BANQUAN_UPLOAD_LIMITS``).
"""

from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from banquan.core.errors import DomainError

# media type -> {real MIME type: accepted extensions}
ACCEPTED: dict[str, dict[str, set[str]]] = {
    "image": {
        "image/jpeg": {".jpg", ".jpeg"}, "image/png": {".png"}, "image/gif": {".gif"},
        "image/webp": {".webp"}, "image/tiff": {".tif", ".tiff"}, "image/bmp": {".bmp"},
    },
    "pdf": {"application/pdf": {".pdf"}},
    "text": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document": {".docx"}},
    "audio": {
        "audio/mpeg": {".mp3"}, "audio/x-wav": {".wav"}, "audio/x-flac": {".flac"},
        "audio/ogg": {".ogg", ".oga"}, "audio/aac": {".aac"}, "audio/m4a": {".m4a"},
    },
    "video": {
        "video/mp4": {".mp4", ".m4v"}, "video/quicktime": {".mov"}, "video/webm": {".webm"},
        "video/x-msvideo": {".avi"}, "video/x-matroska": {".mkv"}, "video/mpeg": {".mpg", ".mpeg"},
    },
}
# Plain-text formats (no magic bytes): manuscripts, lyrics, subtitles of audiovisual works.
TEXT_EXTENSIONS = {".txt", ".md", ".srt", ".vtt", ".ass"}
SIZE_WORDS = {"image": gettext_noop("图片"), "pdf": gettext_noop("PDF 文档"), "text": gettext_noop("文本"),
              "audio": gettext_noop("音频"), "video": gettext_noop("视频"),
              "process_video": gettext_noop("创作过程视频")}


@dataclass(frozen=True)
class Detected:
    media_type: str
    content_type: str


def _human(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    for enc in ("utf-8", "gb18030"):
        try:
            # The head may end inside a multi-byte character; drop up to 3 bytes to check.
            for cut in range(4):
                try:
                    head[: len(head) - cut].decode(enc)
                    return True
                except UnicodeDecodeError:
                    continue
        except LookupError:  # pragma: no cover
            continue
    return False


def detect(name: str, head: bytes, size: int, limits: dict[str, int], *, role: str = "sample") -> Detected:
    """Classify an upload from its name, first bytes (≥ 8 KiB when available) and size."""
    ext = PurePath(name).suffix.lower()
    if size == 0:
        raise DomainError(_("文件“%(name)s”是空文件。") % {"name": name})
    kind = filetype.guess(head)
    if kind is None:
        if ext in TEXT_EXTENSIONS and _looks_like_text(head):
            media, mime = "text", "text/plain"
        else:
            raise DomainError(_("无法识别文件“%(name)s”的类型；请上传图片、PDF、文本、音频或视频文件。") % {"name": name})
    else:
        mime = kind.mime
        media = next((m for m, types in ACCEPTED.items() if mime in types), "")
        if not media:
            raise DomainError(
                _("不接受文件“%(name)s”的类型（%(mime)s）；请上传图片、PDF、文本、音频或视频文件。")
                % {"name": name, "mime": mime}
            )
        if ext not in ACCEPTED[media][mime]:
            raise DomainError(
                _("文件“%(name)s”的扩展名与内容不符：内容是 %(mime)s，扩展名却是“%(ext)s”。")
                % {"name": name, "mime": mime, "ext": ext or _("无")}
            )
    if role == "process_video" and media != "video":
        raise DomainError(_("创作过程只能上传视频文件。"))
    limit_key = "process_video" if role == "process_video" else media
    limit = limits[limit_key]
    if size > limit:
        raise DomainError(
            _("文件“%(name)s”大小为 %(size)s，超过%(kind)s的上限 %(limit)s。")
            % {"name": name, "size": _human(size), "kind": _(SIZE_WORDS[limit_key]), "limit": _human(limit)}
        )
    return Detected(media, mime)
