"""Reading an uploaded source tree safely: zip, tar(.gz/.bz2/.xz), git bundle, or a folder.

Every entry's path is checked (no absolute paths, no ``..``, no drive letters); links, devices
and other non-regular entries are skipped; the number of files and the total unpacked size are
capped *while* reading (declared sizes in an archive can lie), so a zip bomb is refused before it
fills memory. A refusal raises ``SoftcopyRefused`` with a reason in Chinese.
"""

import io
import stat
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from banquan.software.softcopy.errors import SoftcopyRefused
from banquan.software.softcopy.gitbundle import is_git_bundle, tar_from_bundle


@dataclass(frozen=True)
class UploadLimits:
    max_files: int = 20_000
    max_total_bytes: int = 200 * 1024 * 1024


@dataclass(frozen=True)
class SourceFile:
    path: str  # relative, "/"-separated
    data: bytes


def read_upload(data: bytes, filename: str = "", limits: UploadLimits = UploadLimits()) -> list[SourceFile]:
    """The files of an uploaded archive, recognised by content (the name is only for messages)."""
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return _read_zip(data, limits)
    if is_git_bundle(data):
        return _read_tar(tar_from_bundle(data, limits.max_total_bytes), limits)
    if data[:2] == b"\x1f\x8b" or data[:3] == b"BZh" or data[:6] == b"\xfd7zXZ\x00" or data[257:262] == b"ustar":
        return _read_tar(data, limits)
    raise SoftcopyRefused(f"无法识别上传的文件{('“' + filename + '”') if filename else ''}：请上传 zip、tar.gz 压缩包或 git bundle。")


def read_folder(folder: Path, limits: UploadLimits = UploadLimits()) -> list[SourceFile]:
    """The regular files under a folder (links are not followed), with the same caps as an upload."""
    budget = _Budget(limits)
    files = []
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file() or ".git" in path.relative_to(folder).parts:
            continue  # links are not followed; a checkout's .git folder is history, not the tree
        data = path.read_bytes()
        budget.take(len(data))
        files.append(SourceFile(path.relative_to(folder).as_posix(), data))
    return files


class _Budget:
    def __init__(self, limits: UploadLimits):
        self.limits, self.files, self.bytes = limits, 0, 0

    def take(self, size: int) -> None:
        self.files += 1
        self.bytes += size
        if self.files > self.limits.max_files:
            raise SoftcopyRefused(f"压缩包中的文件超过 {self.limits.max_files} 个，请只上传软件的源程序。")
        if self.bytes > self.limits.max_total_bytes:
            mb = self.limits.max_total_bytes // (1024 * 1024)
            raise SoftcopyRefused(f"压缩包解开后超过 {mb} MB，请只上传软件的源程序。")

    def remaining(self) -> int:
        return self.limits.max_total_bytes - self.bytes


def safe_path(name: str) -> str:
    """A member name as a safe relative path, or a refusal for absolute or escaping paths."""
    name = name.replace("\\", "/")
    parts = [p for p in PurePosixPath(name).parts if p not in ("", ".")]
    if name.startswith("/") or (parts and len(parts[0]) == 2 and parts[0][1] == ":") or ".." in parts:
        raise SoftcopyRefused(f"压缩包中的路径“{name}”指向压缩包之外，不能接受。请重新打包。")
    return "/".join(parts)


def _read_zip(data: bytes, limits: UploadLimits) -> list[SourceFile]:
    budget = _Budget(limits)
    files = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                mode = info.external_attr >> 16
                if info.is_dir() or stat.S_IFMT(mode) not in (0, stat.S_IFREG):
                    continue  # folders, symbolic links
                path = safe_path(info.filename)
                with archive.open(info) as member:
                    content = member.read(budget.remaining() + 1)
                budget.take(len(content))
                files.append(SourceFile(path, content))
    except RuntimeError as e:  # zipfile's "File is encrypted, password required"
        raise SoftcopyRefused("zip 压缩包设置了密码，无法读取。请上传未加密的压缩包。") from e
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, ValueError) as e:
        raise SoftcopyRefused(f"zip 压缩包已损坏或使用了不支持的压缩方式，无法读取（{e}）。") from e
    return files


def _read_tar(data: bytes, limits: UploadLimits) -> list[SourceFile]:
    budget = _Budget(limits)
    files = []
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:*") as archive:
            for member in archive:
                if not member.isreg():
                    continue  # folders, links, devices
                path = safe_path(member.name)
                budget.take(member.size)
                extracted = archive.extractfile(member)
                files.append(SourceFile(path, extracted.read() if extracted else b""))
    except (tarfile.TarError, EOFError, OSError) as e:
        raise SoftcopyRefused(f"tar 压缩包已损坏，无法读取（{e}）。") from e
    return files
