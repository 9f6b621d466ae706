"""What an upload really is, whatever its name says (no database)."""

import io

import pytest
from PIL import Image

from banquan.applications import uploads
from banquan.core.errors import DomainError
from banquan.testing import factories

MB = 1024 * 1024
LIMITS = {"image": 1 * MB, "pdf": 2 * MB, "text": 1 * MB, "audio": 3 * MB, "video": 4 * MB, "process_video": 2 * MB}
PNG = factories.png_bytes()
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00"
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64


def jpeg() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buf, "JPEG")
    return buf.getvalue()


def detect(name, data, size=None, role="sample"):
    return uploads.detect(name, data[:8192], len(data) if size is None else size, LIMITS, role=role)


@pytest.mark.parametrize("name, data, media, mime", [
    ("a.png", PNG, "image", "image/png"),
    ("照片.JPEG", jpeg(), "image", "image/jpeg"),
    ("a.pdf", PDF, "pdf", "application/pdf"),
    ("诗.txt", "床前明月光".encode(), "text", "text/plain"),
    ("诗.txt", "床前明月光".encode("gb18030"), "text", "text/plain"),
    ("v.mp4", MP4, "video", "video/mp4"),
])
def test_accepted_files(name, data, media, mime):
    assert detect(name, data) == uploads.Detected(media, mime)


def test_text_cut_inside_a_character_is_still_text():
    data = ("字" * 3000).encode()  # 9000 bytes: the 8 KiB head ends mid-character
    assert detect("long.txt", data).media_type == "text"


@pytest.mark.parametrize("name, data, words", [
    ("a.pdf", PNG, "扩展名与内容不符"),
    ("a", PNG, "扩展名与内容不符"),
    ("a.jpg", EXE, "不接受文件"),
    ("a.bin", b"\x00\x01\x02garbage", "无法识别"),
    ("a.txt", b"\x00\x01\x02binary", "无法识别"),
    ("a.png", b"", "空文件"),
])
def test_refused_files_say_why(name, data, words):
    with pytest.raises(DomainError, match=words):
        detect(name, data)


def test_each_kind_has_its_own_size_limit():
    assert detect("a.pdf", PDF, size=2 * MB).media_type == "pdf"
    with pytest.raises(DomainError, match=r"超过图片的上限 1 MB"):
        detect("a.png", PNG, size=2 * MB)


def test_process_video_must_be_a_video_within_its_own_limit():
    with pytest.raises(DomainError, match="只能上传视频"):
        detect("a.png", PNG, role="process_video")
    assert detect("v.mp4", MP4, size=2 * MB, role="process_video").media_type == "video"
    with pytest.raises(DomainError, match="创作过程视频"):
        detect("v.mp4", MP4, size=3 * MB, role="process_video")
