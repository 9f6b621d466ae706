"""Template-like filings: near-identical programs and manuals from different applicants group."""

from banquan.software.softcopy.selection import ProgramFile
from banquan.software.winnow import Filing, fingerprint_document, fingerprint_program, template_groups
from banquan.software.winnow.tests.conftest import SITE_PACKAGES, real_program
from banquan.software.winnow.tests.disguise import disguise


def _variant(files: list[ProgramFile], salt: str, drop: int) -> list[ProgramFile]:
    """The template re-skinned for one applicant: renamed, reformatted, a few files left out."""
    return disguise(files[drop:], salt=salt)


def test_near_identical_programs_of_different_applicants_group():
    template = real_program("waitress")
    filings = [Filing(f"app-{n}", f"applicant-{n}", fingerprint_program(_variant(template, str(n), n % 2)))
               for n in range(4)]
    filings.append(Filing("app-own", "applicant-0", fingerprint_program(template)))  # the first applicant's own
    filings += [Filing("other-1", "applicant-9", fingerprint_program(real_program("sqlparse"))),
                Filing("other-2", "applicant-8", fingerprint_program(real_program("yaml")))]
    groups = template_groups(filings)
    assert len(groups) == 1
    assert set(groups[0].filing_ids) == {"app-0", "app-1", "app-2", "app-3", "app-own"}
    assert groups[0].applicants == ["applicant-0", "applicant-1", "applicant-2", "applicant-3"]
    assert groups[0].weakest_link >= 0.8


def test_one_applicants_versions_alone_are_not_a_template():
    program = fingerprint_program(real_program("sqlparse"))
    assert template_groups([Filing("v1", "same", program), Filing("v2", "same", program)]) == []


def test_partial_overlap_is_not_near_identical(sqlparse_files):
    half = sqlparse_files[: len(sqlparse_files) // 2]
    filings = [Filing("whole", "a", fingerprint_program(sqlparse_files)), Filing("half", "b", fingerprint_program(half))]
    assert template_groups(filings) == []


def test_near_identical_manuals():
    readme = (SITE_PACKAGES / "django" / "contrib" / "admin" / "static" / "admin" / "js" / "vendor" / "jquery"
              / "LICENSE.txt")
    text = readme.read_text() if readme.exists() else "Permission is hereby granted, free of charge. " * 40
    manual = "\n".join(f"第{n}章 系统功能说明：用户登录、数据录入、报表导出。{text[:400]}" for n in range(30))
    edited = manual.replace("系统", "平台", 3) + "\n附录：联系方式。"
    filings = [Filing("m1", "甲公司", fingerprint_document(manual)), Filing("m2", "乙公司", fingerprint_document(edited)),
               Filing("m3", "丙公司", fingerprint_document(text * 3))]
    groups = template_groups(filings)
    assert [g.filing_ids for g in groups] == [["m1", "m2"]]
