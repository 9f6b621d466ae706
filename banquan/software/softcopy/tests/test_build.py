"""The program material built from real source trees (installed PyPI packages) and small trees."""

from banquan.software.softcopy import LineOptions, ProgramOptions, build_program_material, read_upload
from banquan.software.softcopy.check import check_deposit
from banquan.software.softcopy.tests.conftest import pages_of, python_lines, real_tree, zip_files, zip_folder

NAME, VERSION = "SQL语句格式化软件", "V1.0"


def _build(archive: bytes, font, options: ProgramOptions | None = None, name=NAME, version=VERSION):
    return build_program_material(read_upload(archive), name=name, version=version, font=font,
                                  options=options or ProgramOptions())


def test_sqlparse_sdist_gives_first_and_last_30_pages_with_headers_and_numbers(font):
    tree = real_tree("sqlparse")
    deposit = _build(zip_folder(tree, "sqlparse-0.6/sqlparse/"), font)
    assert deposit.program_pages > 60 and deposit.pages == 60
    pages = pages_of(deposit.pdf)
    assert len(pages) == 60
    for number, page in enumerate(pages, 1):
        assert page.header.startswith(f"{NAME} {VERSION}")
        assert page.number == number
        if number < 60:
            assert page.line_count >= 50
    # Entry point first: the deposit opens with __main__.py and ends with the last file's last line.
    assert deposit.files[0].endswith("__main__.py")
    first_code = [ln for ln in (tree / "__main__.py").read_text().splitlines() if ln.strip()]
    assert pages[0].body[0] == first_code[0]
    last_file = (tree.parent / "sqlparse" / deposit.files[-1].removeprefix("sqlparse-0.6/sqlparse/")).read_text()
    assert pages[-1].body[-1].strip() == [ln for ln in last_file.splitlines() if ln.strip()][-1].strip()
    assert check_deposit(deposit.pdf, name=NAME, version=VERSION, language="Python") == []


def test_single_module_six_is_deposited_whole_when_short(font):
    six = real_tree("six.py")
    deposit = _build(zip_files({"six.py": six.read_bytes()}), font, name="六号兼容库", version="1.17")
    assert deposit.program_pages == deposit.pages  # under 60 pages: everything
    assert deposit.pages < 60
    assert deposit.program_lines == sum(1 for ln in six.read_text().splitlines() if ln.strip())
    assert check_deposit(deposit.pdf, name="六号兼容库", version="1.17", language="Python") == []


def test_javascript_tree_leaves_vendored_and_minified_files_out(font):
    tree = real_tree("django/contrib/admin/static/admin/js")
    deposit = _build(zip_folder(tree, "admin-js/"), font, name="后台脚本", version="2.0")
    assert not any("/vendor/" in path or path.endswith(".min.js") for path in deposit.files)
    reasons = {item.code for item in deposit.left_out if "/vendor/" in item.path}
    assert reasons == {"vendored"}
    assert check_deposit(deposit.pdf, name="后台脚本", version="2.0", language="JavaScript") == []


def test_c_tree_is_read_as_c(font):
    tree = real_tree("mypyc/lib-rt")
    deposit = _build(zip_folder(tree), font, name="运行时库", version="V0.9")
    assert deposit.pages == 60
    assert check_deposit(deposit.pdf, name="运行时库", version="V0.9", language="C") == []


def test_blank_and_comment_lines_follow_the_office_setting(font):
    source = "import os\n\n# a comment\n\n\nx = 1  # trailing\n" * 40
    archive = zip_files({"app.py": source})
    dropped = _build(archive, font, ProgramOptions(lines=LineOptions(keep_blank_lines=False, keep_comment_lines=False)))
    kept = _build(archive, font, ProgramOptions(lines=LineOptions(keep_blank_lines=True, keep_comment_lines=True)))
    assert dropped.program_lines == 80
    assert kept.program_lines == 40 * 6  # the empty string after the last newline is not a line
    body = [line for page in pages_of(dropped.pdf) for line in page.body]
    assert "# a comment" not in body and "x = 1  # trailing" in body
    # Blank rows do not count towards the 50 lines a page.
    assert all(page.line_count >= 50 for page in pages_of(kept.pdf)[:-1])


def test_long_lines_wrap_and_count_as_printed_lines(font):
    source = python_lines(120) + "X = '" + "长" * 150 + "'\n"
    deposit = _build(zip_files({"main.py": source}), font)
    body = [line for page in pages_of(deposit.pdf) for line in page.body]
    assert any(line.startswith("X = '") for line in body)
    assert max(len(line) for line in body) < 100


def test_same_input_gives_the_same_bytes(font):
    archive = zip_files({"main.py": python_lines(200)})
    assert _build(archive, font).pdf == _build(archive, font).pdf


def test_real_tree_as_tar_gz_and_as_git_bundle_give_the_same_deposit(font, tmp_path):
    import shutil
    import subprocess

    from banquan.software.softcopy.tests.conftest import targz_files

    tree = real_tree("sqlparse")
    files = {f"sqlparse/{p.relative_to(tree).as_posix()}": p.read_bytes() for p in sorted(tree.rglob("*.py"))
             if "__pycache__" not in p.parts}
    from_tar = _build(targz_files(files), font)
    repo = tmp_path / "repo"
    shutil.copytree(tree, repo / "sqlparse", ignore=shutil.ignore_patterns("__pycache__"))
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "import"], check=True)
    subprocess.run([*git, "bundle", "create", str(tmp_path / "s.bundle"), "--all"], check=True, capture_output=True)
    from_bundle = _build((tmp_path / "s.bundle").read_bytes(), font)
    assert from_tar.files == from_bundle.files and from_tar.pdf == from_bundle.pdf


def test_lines_per_page_between_50_and_what_a_page_holds(font):
    import pytest

    from banquan.software.softcopy import SoftcopyRefused

    archive = zip_files({"main.py": python_lines(600)})
    assert all(page.line_count == 60 for page in pages_of(_build(archive, font, ProgramOptions(lines_per_page=60)).pdf)[:-1])
    for wrong in (49, 61):
        with pytest.raises(SoftcopyRefused, match="50 到 60 行"):
            _build(archive, font, ProgramOptions(lines_per_page=wrong))


def test_characters_no_font_has_print_as_squares_and_the_line_still_counts(fonts):
    font, fallbacks = fonts
    source = "".join(f"x_{i} = 1\nمرحبا\n" for i in range(60))  # Arabic: not in the CJK fonts
    deposit = build_program_material(read_upload(zip_files({"main.py": source})), name=NAME, version=VERSION,
                                     font=font, fallbacks=fallbacks)
    pages = pages_of(deposit.pdf)
    assert pages[0].body[1] == "□□□□□" and pages[0].line_count == 50
