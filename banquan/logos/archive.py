"""Reading a bulk import of marks (no database): a ZIP or tar(.gz) archive of PNG, JPEG and
SVG files, with an optional manifest ``marks.csv`` (columns file, brand, owner) naming the
brand and owner of each file. Without a manifest line, the brand is the file's name.

Nothing is extracted to disk, so entry names cannot escape anywhere; sizes are capped so a
hostile archive (a zip bomb, millions of entries) is refused rather than exhausting memory.
"""

from __future__ import annotations

import csv
import io
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from banquan.logos.images import MAX_BYTES, LogoError

EXTENSIONS = (".png", ".jpg", ".jpeg", ".svg")
MANIFEST = "marks.csv"
MAX_ENTRIES = 20_000
MAX_TOTAL = 2 * 1024 * 1024 * 1024  # uncompressed bytes of all marks


@dataclass(frozen=True)
class Entry:
    path: str  # inside the archive
    brand: str
    owner: str  # "" when neither the manifest nor the import form gives one
    data: bytes | None  # None when the file is too large (``reason`` says so)
    reason: str = ""


def _is_mark(name: str) -> bool:
    p = PurePosixPath(name)
    return (p.suffix.lower() in EXTENSIONS and not p.name.startswith(".")
            and "__MACOSX" not in p.parts)


def _manifest(text: str) -> dict[str, tuple[str, str]]:
    rows: dict[str, tuple[str, str]] = {}
    for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff"))):
        name = (row.get("file") or "").strip()
        if name:
            rows[name] = ((row.get("brand") or "").strip(), (row.get("owner") or "").strip())
    return rows


class _Zip:
    def __init__(self, data: bytes):
        self.z = zipfile.ZipFile(io.BytesIO(data))
        self.items = [(i.filename, i.file_size) for i in self.z.infolist() if not i.is_dir()]

    def read(self, name: str) -> bytes:
        return self.z.read(name)


class _Tar:
    def __init__(self, data: bytes):
        self.t = tarfile.open(fileobj=io.BytesIO(data), mode="r:*")
        self.members = {m.name: m for m in self.t.getmembers() if m.isfile()}
        self.items = [(m.name, m.size) for m in self.members.values()]

    def read(self, name: str) -> bytes:
        f = self.t.extractfile(self.members[name])
        return f.read() if f else b""


def open_archive(data: bytes, filename: str) -> _Zip | _Tar:
    try:
        if zipfile.is_zipfile(io.BytesIO(data)):
            return _Zip(data)
        return _Tar(data)
    except (tarfile.TarError, zipfile.BadZipFile, OSError, EOFError) as e:
        raise LogoError(f"无法读取压缩包“{filename}”：请上传 ZIP 或 tar.gz 文件（{e}）") from None


def entries(data: bytes, filename: str, *, default_owner: str = "") -> tuple[int, Iterator[Entry]]:
    """How many marks the archive holds, and the marks one by one (read lazily)."""
    arc = open_archive(data, filename)
    marks = sorted((n, size) for n, size in arc.items if _is_mark(n))
    if not marks:
        raise LogoError(f"压缩包“{filename}”中没有 PNG、JPEG 或 SVG 文件")
    if len(marks) > MAX_ENTRIES:
        raise LogoError(f"压缩包中有 {len(marks)} 个图像文件，一次最多导入 {MAX_ENTRIES} 个")
    if sum(size for _, size in marks) > MAX_TOTAL:
        raise LogoError("压缩包解压后超过 2 GB，请分批导入")
    manifest_name = next((n for n, _ in arc.items if PurePosixPath(n).name.lower() == MANIFEST), None)
    try:
        named = _manifest(arc.read(manifest_name).decode("utf-8")) if manifest_name else {}
    except (UnicodeDecodeError, csv.Error) as e:
        raise LogoError(f"清单 {MANIFEST} 无法读取（须为 UTF-8 CSV，列为 file, brand, owner）：{e}") from None

    def generate() -> Iterator[Entry]:
        for name, size in marks:
            brand, owner = named.get(name) or named.get(PurePosixPath(name).name) or ("", "")
            brand = brand or PurePosixPath(name).stem
            owner = owner or default_owner
            if size > MAX_BYTES:
                yield Entry(name, brand, owner, None, f"文件超过 {MAX_BYTES // 1024 // 1024} MB")
            else:
                yield Entry(name, brand, owner, arc.read(name))

    return len(marks), generate()


def pack(files: list[tuple[str, bytes]]) -> bytes:
    """The files of an uploaded folder, as one ZIP (stored, not compressed) for the import job."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for name, data in files:
            z.writestr(name, data)
    return buf.getvalue()
