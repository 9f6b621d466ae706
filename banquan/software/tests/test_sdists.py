"""Deposits of real source distributions from PyPI, uploaded as they are published (.tar.gz),
fetched and checksummed by ``scripts/fetch_sdists.py`` (run by ``scripts/setup --dev``)."""

from pathlib import Path

import pytest

from banquan.software import duplicates
from banquan.software import services as software
from banquan.software.models import CopyFinding
from banquan.software.services import BLOCKING
from banquan.software.tests.test_duplicates import owners
from banquan.testing import software as sw

pytestmark = pytest.mark.django_db

SDISTS = Path(__file__).resolve().parents[3] / "var" / "sdists"


def sdist(name: str) -> tuple[str, bytes]:
    found = sorted(SDISTS.glob(f"{name}-*.tar.gz"))
    if not found:
        pytest.skip(f"no {name} sdist in {SDISTS}: run scripts/setup --dev")
    return found[-1].name, found[-1].read_bytes()


def deposit(applicant, name: str, capture, **values):
    filename, data = sdist(name)
    with capture(execute=True):
        app = sw.draft(applicant, tree="", **values)
        sw.upload(applicant, app.pk, "program", filename, data)
    return app, app.deposit_materials.get(kind="program")


@pytest.mark.parametrize("name,languages", [("sqlparse", ["Python"]), ("pyyaml", ["Python", "C"]),
                                            ("markupsafe", ["Python", "C"])])
def test_a_published_sdist_becomes_a_deposit_without_problems_to_fix(applicant, django_capture_on_commit_callbacks,
                                                                     name, languages):
    app, program = deposit(applicant, name, django_capture_on_commit_callbacks, languages=languages)
    assert program.status == "ready", program.error
    summary = program.summary
    assert program.pages == min(60, summary["program_pages"]) and summary["program_lines"] > 800
    assert not [p for p in program.problems if p["code"] in BLOCKING]
    left_out = {item["path"].split("/", 1)[1]: item["reason"] for item in summary["left_out"]}
    assert "PKG-INFO" in left_out  # packaging metadata is not the program
    if name == "pyyaml":  # build output shipped in the sdist is left out, with the reason
        assert "第三方或构建目录" in left_out["lib/PyYAML.egg-info/SOURCES.txt"]
    if name == "sqlparse":
        assert summary["files"][0].endswith("sqlparse/__main__.py")  # the entry point first


def test_an_open_source_package_filed_by_someone_else_is_found(applicant, other_applicant, reviewer,
                                                               django_capture_on_commit_callbacks):
    app, _ = deposit(applicant, "sqlparse", django_capture_on_commit_callbacks, title="星河SQL格式化工具")
    with django_capture_on_commit_callbacks(execute=True):
        reg = sw.register(app, applicant, reviewer)
    # The same package as installed from its wheel, filed under another owner's name.
    with django_capture_on_commit_callbacks(execute=True):
        copy = software.create_draft(applicant=other_applicant, values=sw.values(title="智联SQL美化软件"),
                                        owners=owners(7, "王五"))
        sw.upload(other_applicant, copy.pk, "program", "src.zip", sw.real_tree_zip("sqlparse"))
    duplicates.check_application(copy.pk)
    finding = CopyFinding.objects.get(application=copy)
    assert finding.registration == reg and finding.score > 0.9
    unrelated, _ = deposit(other_applicant, "markupsafe", django_capture_on_commit_callbacks, title="智联转义处理软件")
    duplicates.check_application(unrelated.pk)
    assert not CopyFinding.objects.filter(application=unrelated).exists()
