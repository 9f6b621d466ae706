"""Deep checks of uploaded images, audio and video (no database), after ``uploads.detect``
has said what the file is: it must also open and hold something, so that no broken file
reaches the background jobs (thumbnails, screening, fingerprints).

- Images must open with Pillow within a pixel cap (decompression bombs are refused before
  anything is decoded) and decode to the end (truncated or corrupt files are refused). JPEGs
  are decoded at reduced size (``draft``), which reads every byte but costs a fraction.
- Audio and video must open with PyAV (FFmpeg), have an audio (resp. video) stream, a
  duration above zero where the container states one, and a first frame that decodes: a
  probe, not a decoding of the whole file.

Each refusal is a ``DomainError`` naming the file and the reason. The file is rewound.
"""

import warnings
from typing import BinaryIO

import av
from django.utils.translation import gettext as _
from PIL import Image

from banquan.core.errors import DomainError

# The thumbnails' cap (``thumbnails.MAX_PIXELS``, just under Pillow's own default), so that
# every accepted picture also gets its thumbnail and fingerprint; 80 megapixels covers any
# camera or scanner sample and decodes in a few hundred MB.
MAX_PIXELS = 80_000_000
DRAFT_SIDE = 1024  # JPEGs are decoded at the smallest DCT scale at least this large
PROBE_PACKETS = 200  # packets read at most to find the first decodable frame


def check(name: str, media_type: str, file: BinaryIO) -> None:
    """Refuse an upload of ``media_type`` ("image", "audio", "video"; others pass) that does
    not open, holds nothing or is a decompression bomb; leaves ``file`` at its start."""
    file.seek(0)
    try:
        if media_type == "image":
            _image(name, file)
        elif media_type in ("audio", "video"):
            _audio_video(name, media_type, file)
    finally:
        file.seek(0)


def _corrupt_image(name: str) -> DomainError:
    return DomainError(_("图片“%(name)s”已损坏或不完整，无法打开；请重新导出后上传。") % {"name": name})


def _bomb(name: str, width: int, height: int) -> DomainError:
    return DomainError(
        _("图片“%(name)s”的像素数过大（%(width)d × %(height)d，上限 %(limit)s 万像素），可能是解压炸弹，已拒绝。")
        % {"name": name, "width": width, "height": height, "limit": f"{MAX_PIXELS // 10_000:,}"}
    )


def _image(name: str, file: BinaryIO) -> None:
    try:
        with warnings.catch_warnings():
            # the size is checked below, with the numbers in the message
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(file) as im:
                width, height = im.size
                if width * height > MAX_PIXELS:
                    raise _bomb(name, width, height)
                im.verify()  # structure and checksums (PNG CRCs) without decoding
            file.seek(0)
            with Image.open(file) as im:
                if im.format == "JPEG":
                    im.draft("RGB", (DRAFT_SIDE, DRAFT_SIDE))
                im.load()  # truncated data raises: ImageFile.LOAD_TRUNCATED_IMAGES stays False
    except Image.DecompressionBombError:  # Pillow's refusal at twice its limit, before ours
        raise DomainError(_("图片“%(name)s”的像素数过大，可能是解压炸弹，已拒绝。") % {"name": name}) from None
    except (OSError, ValueError, SyntaxError, EOFError, IndexError, TypeError, ZeroDivisionError):
        raise _corrupt_image(name) from None


def _audio_video(name: str, media_type: str, file: BinaryIO) -> None:
    label = _("音频") if media_type == "audio" else _("视频")
    try:
        container = av.open(file, mode="r")
    except (av.error.FFmpegError, ValueError, OSError, UnicodeDecodeError):
        raise DomainError(_("文件“%(name)s”无法作为%(kind)s打开（格式无法识别或文件已损坏）。")
                          % {"name": name, "kind": label}) from None
    try:
        streams = container.streams.audio if media_type == "audio" else container.streams.video
        if not streams:
            missing = _("声音") if media_type == "audio" else _("视频画面")
            raise DomainError(_("文件“%(name)s”中没有%(what)s。") % {"name": name, "what": missing})
        stream = streams[0]
        seconds = _duration(container, stream)
        if seconds is not None and seconds <= 0:
            raise DomainError(_("%(kind)s“%(name)s”的时长为零。") % {"name": name, "kind": label})
        if not _first_frame(container, stream):
            raise DomainError(_("%(kind)s“%(name)s”中没有可解码的内容（时长为零或文件已损坏）。")
                              % {"name": name, "kind": label})
    finally:
        container.close()


def _duration(container, stream) -> float | None:
    """The stream's (or else the container's) duration in seconds; None when not stated."""
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        return container.duration / av.time_base
    return None


def _first_frame(container, stream) -> bool:
    """Whether the stream's first frame decodes (reading a few packets, not the file)."""
    try:
        for n, packet in enumerate(container.demux(stream)):
            if packet.size and packet.decode():
                return True
            if n >= PROBE_PACKETS:
                return False
        # a short file whose decoder holds frames back (B-frames) gives them when drained
        return bool(stream.codec_context.decode(None))
    except (av.error.FFmpegError, ValueError):
        return False
