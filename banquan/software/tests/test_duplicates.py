"""Copies of registered programs and mass filings, found at acceptance from real source trees
(installed packages), through the real services and jobs."""

import io
import re
import zipfile

import pytest
from django.template import Context, Template

from banquan.applications import services as applications
from banquan.core.storage import store
from banquan.review import services as review
from banquan.software import duplicates, recent, registry
from banquan.software import services as software
from banquan.software.models import CopyFinding, FilingFlag, ProgramFingerprint
from banquan.software.softcopy.languages import language_named
from banquan.software.winnow.python_tokens import KEYWORDS as PY_KEYWORDS
from banquan.software.winnow.tests.disguise import new_name, rename_identifiers
from banquan.testing import factories
from banquan.testing import software as sw
from banquan.testing.api_client import BearerClient

pytestmark = pytest.mark.django_db(transaction=False)
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def resident_id(serial: int) -> str:
    body = f"110105198001{serial % 28 + 1:02d}{serial:03d}"
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, _WEIGHTS, strict=True)) % 11]


def owners(serial: int, name: str = "张三") -> list[dict]:
    return [{**sw.owners()[0], "name": name, "id_number": resident_id(serial)}]


def disguised(tree: str = "sqlparse", salt: str = "copy") -> bytes:
    """The tree with every Python file's identifiers renamed."""
    python = language_named("Python")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(sw.real_tree_zip(tree))) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name.endswith(".py"):
                data = rename_identifiers(data.decode(), python, salt).encode()
            dst.writestr(name, data)
    return out.getvalue()


@pytest.fixture(autouse=True)
def _own_index(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"
    registry.forget()
    recent.forget()
    yield
    registry.forget()
    recent.forget()


def filed(capture, applicant, *, serial: int, tree: str = "sqlparse", data: bytes | None = None, **values):
    with capture(execute=True):
        app = software.create_draft(applicant=applicant, values=sw.values(**values), owners=owners(serial))
        sw.upload(applicant, app.pk, "program", f"{tree}.zip", data or sw.real_tree_zip(tree))
        sw.upload(applicant, app.pk, "documentation", "manual.md", sw.manual_markdown(app.title))
    return app


def accepted(capture, app, applicant, reviewer):
    with capture(execute=True):
        applications.submit(applicant=applicant, app_id=app.pk)
        review.accept(reviewer=reviewer, app_id=app.pk)
    return app


def registered(capture, applicant, reviewer, *, serial: int, tree: str = "sqlparse", **values):
    app = filed(capture, applicant, serial=serial, tree=tree, **values)
    with capture(execute=True):
        return sw.register(app, applicant, reviewer)


@pytest.fixture
def registry_of_two(applicant, reviewer, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    return (registered(capture, applicant, reviewer, serial=1, title="星河数据库语句解析系统"),
            registered(capture, applicant, reviewer, serial=2, tree="waitress", title="星河网页服务系统"))


def test_a_disguised_copy_by_another_owner_is_found_with_its_regions(
        registry_of_two, other_applicant, reviewer, django_capture_on_commit_callbacks):
    sqlparse_reg, _ = registry_of_two
    assert ProgramFingerprint.objects.filter(registration__isnull=False).count() == 2
    assert (registry.index_path()).exists()
    app = filed(django_capture_on_commit_callbacks, other_applicant, serial=3, data=disguised(),
                title="云帆查询语句分析系统")
    accepted(django_capture_on_commit_callbacks, app, other_applicant, reviewer)
    [finding] = CopyFinding.objects.filter(application=app)
    assert finding.registration == sqlparse_reg
    assert finding.score > 0.8
    region = finding.regions[0]
    assert region["a_file"].startswith("sqlparse/") and region["b_file"] == region["a_file"]
    assert region["a_lines"][1] > region["a_lines"][0] and region["hashes"] >= 8


def test_an_unrelated_program_and_the_same_owners_new_version_are_not_flagged(
        registry_of_two, applicant, other_applicant, reviewer, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    unrelated = accepted(capture, filed(capture, other_applicant, serial=4, tree="jcs", title="云帆签名规范化软件"),
                         other_applicant, reviewer)
    assert not CopyFinding.objects.filter(application=unrelated).exists()
    version = filed(capture, applicant, serial=1, data=disguised(salt="v2"), title="星河数据库语句解析系统",
                    version="V2.0")
    accepted(capture, version, applicant, reviewer)
    assert not CopyFinding.objects.filter(application=version).exists()


def test_the_side_by_side_page_is_for_the_office(registry_of_two, other_applicant, reviewer, client,
                                                 django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    app = accepted(capture, filed(capture, other_applicant, serial=3, data=disguised(), title="云帆查询语句分析系统"),
                   other_applicant, reviewer)
    finding = CopyFinding.objects.get(application=app)
    region = finding.regions[0]
    url = f"/software/review/{app.pk}/copies/{finding.pk}/"
    client.force_login(reviewer)
    page = client.get(url).content.decode()
    assert page.count(region["a_file"]) >= 2 and finding.registration.number in page
    assert 'class="line matched"' in page
    original = (sw.SITE_PACKAGES / region["b_file"]).read_text().split("\n")
    first, last = region["b_lines"]
    name = next(m for line in original[first - 1:last] for m in re.findall(r"\b[a-z_]{5,}\b", line)
                if m not in PY_KEYWORDS)
    assert name in page and new_name(name, "copy") in page  # the registered side and the renamed copy
    panel = client.get(f"/software/review/{app.pk}/duplicates/").content.decode()
    assert finding.registration.number in panel and url in panel
    app.refresh_from_db()
    tag = Template("{% load software_duplicates %}{% software_duplicates app %}").render(Context({"app": app}))
    assert url in tag and "代码比对" in tag
    client.force_login(other_applicant)
    assert client.get(url).status_code == 403
    body = BearerClient(reviewer).get(f"/api/v1/software/applications/{app.pk}/duplicates").json()
    assert body["copies"][0]["registration_number"] == finding.registration.number
    assert BearerClient(other_applicant).get(f"/api/v1/software/applications/{app.pk}/duplicates").status_code == 403


def test_three_applicants_filing_one_tree_are_flagged_and_rechecking_changes_nothing(
        reviewer, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    apps = []
    for serial in (5, 6, 7):
        user = factories.UserFactory(role="applicant", applicant_kind="person")
        apps.append(accepted(capture, filed(capture, user, serial=serial, tree="jcs", title=f"模板工具{serial}号系统"),
                             user, reviewer))
    flags = {f.kind: f for f in FilingFlag.objects.filter(application=apps[-1])}
    assert set(flags) == {"template_code", "template_manual"}
    assert flags["template_code"].detail["group_size"] == 3
    assert {o["id"] for o in flags["template_code"].detail["others"]} == {apps[0].pk, apps[1].pk}
    # The first filing, alone when it was checked, is flagged once the others reveal the template.
    first = FilingFlag.objects.get(application=apps[0], kind="template_code")
    assert {o["id"] for o in first.detail["others"]} == {apps[1].pk, apps[2].pk}
    duplicates.check_application(apps[-1].pk)
    duplicates.check_application(apps[-1].pk)
    assert FilingFlag.objects.filter(application=apps[-1]).count() == 2


def test_a_template_flag_goes_when_the_other_filing_changes_its_code(reviewer, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    first_user, second_user = (factories.UserFactory(role="applicant", applicant_kind="person") for _ in range(2))
    first = accepted(capture, filed(capture, first_user, serial=11, tree="jcs", title="模板甲系统"), first_user,
                     reviewer)
    second = accepted(capture, filed(capture, second_user, serial=12, tree="jcs", title="模板乙系统"), second_user,
                      reviewer)
    assert FilingFlag.objects.filter(application=second, kind="template_code").exists()
    # The first applicant is asked to correct and deposits another program: its new fingerprints
    # replace the old ones, which must no longer count against the second filing.
    review.start_review(reviewer=reviewer, app_id=first.pk)
    review.request_correction(reviewer=reviewer, app_id=first.pk, reason="请提交本软件的源程序。")
    with capture(execute=True):
        sw.upload(first_user, first.pk, "program", "waitress.zip", sw.real_tree_zip("waitress"))
    duplicates.check_application(second.pk)
    assert not FilingFlag.objects.filter(application=second, kind="template_code").exists()


def test_many_filings_from_one_account_are_a_burst(settings, applicant, reviewer,
                                                   django_capture_on_commit_callbacks):
    settings.BANQUAN_SOFTWARE = {**settings.BANQUAN_SOFTWARE, "burst_count": 3, "burst_hours": 2}
    capture = django_capture_on_commit_callbacks
    apps = [accepted(capture, filed(capture, applicant, serial=8, tree="jcs", title=f"批量工具{n}号系统"),
                     applicant, reviewer) for n in range(3)]
    assert not FilingFlag.objects.filter(application=apps[1]).exists()
    [burst] = FilingFlag.objects.filter(application=apps[2])
    assert burst.kind == "burst" and burst.detail["count"] == 3
    settings.BANQUAN_SOFTWARE = {**settings.BANQUAN_SOFTWARE, "burst_count": 4}
    duplicates.check_application(apps[2].pk)
    assert not FilingFlag.objects.filter(application=apps[2]).exists()


def test_a_ready_made_program_pdf_is_compared_by_its_text(registry_of_two, other_applicant, reviewer, client,
                                                          django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    sqlparse_reg, _ = registry_of_two
    pdf = store().read(sqlparse_reg.application.deposit_materials.get(kind="program").pdf_key)
    with capture(execute=True):
        app = software.create_draft(applicant=other_applicant, values=sw.values(title="星河数据库语句解析系统"),
                                    owners=owners(9))
        sw.upload(other_applicant, app.pk, "program", "程序鉴别材料.pdf", pdf)
        sw.upload(other_applicant, app.pk, "documentation", "manual.md", sw.manual_markdown(app.title))
    accepted(capture, app, other_applicant, reviewer)
    [finding] = CopyFinding.objects.filter(application=app)
    assert finding.registration == sqlparse_reg and finding.containment_new > 0.8
    assert finding.regions[0]["a_file"] == "程序鉴别材料.pdf"
    client.force_login(reviewer)
    page = client.get(f"/software/review/{app.pk}/copies/{finding.pk}/").content.decode()
    assert 'class="line matched"' in page and finding.regions[0]["b_file"] in page
