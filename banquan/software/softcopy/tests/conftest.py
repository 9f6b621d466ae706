"""Fixtures: the office's fonts, real source trees from the installed PyPI packages, and helpers
to pack trees the way applicants upload them. No database, no network."""

import io
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from banquan.software.softcopy import FontFile
from banquan.software.softcopy.check.pagetext import PageText, read_page
from banquan.software.softcopy.check.pdftext import pdf_pages_text

SITE_PACKAGES = Path(sysconfig.get_paths()["purelib"])


@pytest.fixture(scope="session")
def fonts() -> tuple[FontFile, tuple[FontFile, ...]]:
    from banquan.software.fonts import deposit_fonts

    return deposit_fonts()


@pytest.fixture(scope="session")
def font(fonts) -> FontFile:
    return fonts[0]


def real_tree(relative: str) -> Path:
    path = SITE_PACKAGES / relative
    if not path.exists():
        pytest.skip(f"{relative} is not installed in this virtualenv")
    return path


def zip_folder(folder: Path, prefix: str = "") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                archive.write(path, prefix + path.relative_to(folder).as_posix())
    return buffer.getvalue()


def zip_files(files: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def targz_files(files: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, content in files.items():
            data = content.encode() if isinstance(content, str) else content
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def pages_of(pdf: bytes) -> list[PageText]:
    return [read_page(text) for text in pdf_pages_text(pdf)]


def python_lines(n: int, comment: str = "") -> str:
    """A small Python module of about ``n`` distinct, plausible lines."""
    out = ["import os", ""]
    for i in range(n // 4):
        out += [f"def step_{i}(value):", f"    {comment or '# step ' + str(i)}",
                f"    result = os.path.join(str(value), 'part_{i}')", "    return result"]
    return "\n".join(out) + "\n"
