"""Real source trees from the virtualenv's site-packages (installed PyPI packages), read and
selected the way an upload is. No database, no network."""

import sysconfig
from pathlib import Path

import pytest

from banquan.software.softcopy import read_folder
from banquan.software.softcopy.selection import ProgramFile, select_program_files

SITE_PACKAGES = Path(sysconfig.get_paths()["purelib"])


def real_program(relative: str) -> list[ProgramFile]:
    path = SITE_PACKAGES / relative
    if not path.exists():
        pytest.skip(f"{relative} is not installed in this virtualenv")
    return select_program_files(read_folder(path)).files


@pytest.fixture(scope="session")
def sqlparse_files() -> list[ProgramFile]:
    return real_program("sqlparse")


@pytest.fixture(scope="session")
def waitress_files() -> list[ProgramFile]:
    return real_program("waitress")


@pytest.fixture(scope="session")
def c_runtime_files() -> list[ProgramFile]:
    """mypyc's C runtime: .c and .h files."""
    files = [f for f in real_program("mypyc/lib-rt") if f.language.name in ("C", "C++")]
    assert files
    return files


@pytest.fixture(scope="session")
def admin_js_files() -> list[ProgramFile]:
    files = [f for f in real_program("django/contrib/admin/static/admin/js") if f.language.name == "JavaScript"]
    assert files
    return files
