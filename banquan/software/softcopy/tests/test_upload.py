"""Reading uploads safely: zip, tar.gz, git bundle; traversal, links and size caps refused."""

import io
import subprocess
import tarfile
import zipfile

import pytest

from banquan.software.softcopy import SoftcopyRefused, UploadLimits, read_upload
from banquan.software.softcopy.tests.conftest import real_tree, targz_files, zip_files, zip_folder


def test_zip_of_a_real_package_keeps_every_file_and_its_bytes():
    tree = real_tree("sqlparse")
    files = {f.path: f.data for f in read_upload(zip_folder(tree, "sqlparse/"))}
    assert files["sqlparse/lexer.py"] == (tree / "lexer.py").read_bytes()
    assert len(files) == sum(1 for p in tree.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def test_tar_gz_is_read_and_links_are_skipped():
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        data = b"print('hi')\n"
        info = tarfile.TarInfo("proj/main.py")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("proj/passwd.py")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        archive.addfile(link)
    assert [f.path for f in read_upload(buffer.getvalue())] == ["proj/main.py"]


def test_git_bundle_gives_the_tree_of_the_latest_commit(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "main.py").write_text("print('v2')\n")
    (repo / "lib").mkdir()
    (repo / "lib" / "util.py").write_text("X = 1\n")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "one"], check=True)
    subprocess.run([*git, "bundle", "create", str(tmp_path / "p.bundle"), "--all"], check=True, capture_output=True)
    files = {f.path: f.data for f in read_upload((tmp_path / "p.bundle").read_bytes(), "p.bundle")}
    assert files == {"main.py": b"print('v2')\n", "lib/util.py": b"X = 1\n"}


def test_broken_bundle_is_refused_in_chinese():
    with pytest.raises(SoftcopyRefused, match="git bundle"):
        read_upload(b"# v2 git bundle\nnot really\n")


@pytest.mark.parametrize("name", ["../evil.py", "/etc/evil.py", "a/../../evil.py", "C:/evil.py", "..\\evil.py"])
def test_paths_leaving_the_archive_are_refused(name):
    with pytest.raises(SoftcopyRefused) as refused:
        read_upload(zip_files({name: "x = 1\n"}))
    assert "压缩包之外" in refused.value.reason
    with pytest.raises(SoftcopyRefused):
        read_upload(targz_files({name.replace("\\", "/"): "x = 1\n"}))


def test_zip_symlink_is_skipped():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        link = zipfile.ZipInfo("link.py")
        link.external_attr = (0o120777 << 16)
        archive.writestr(link, "/etc/passwd")
        archive.writestr("main.py", "x = 1\n")
    assert [f.path for f in read_upload(buffer.getvalue())] == ["main.py"]


def test_too_many_files_and_zip_bombs_are_refused():
    with pytest.raises(SoftcopyRefused, match="超过 3 个"):
        read_upload(zip_files({f"f{i}.py": "x\n" for i in range(4)}), limits=UploadLimits(max_files=3))
    bomb = zip_files({"zeros.py": b"0" * (8 * 1024 * 1024)})
    assert len(bomb) < 100_000
    with pytest.raises(SoftcopyRefused, match="超过 1 MB"):
        read_upload(bomb, limits=UploadLimits(max_total_bytes=1024 * 1024))


def test_other_files_are_refused():
    with pytest.raises(SoftcopyRefused, match="zip"):
        read_upload(b"just text", "notes.txt")


def test_git_bundle_over_the_size_cap_is_refused(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "big.py").write_text("x = 1\n" * 400_000)
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "one"], check=True)
    subprocess.run([*git, "bundle", "create", str(tmp_path / "p.bundle"), "--all"], check=True, capture_output=True)
    with pytest.raises(SoftcopyRefused, match="超过 1 MB"):
        read_upload((tmp_path / "p.bundle").read_bytes(), limits=UploadLimits(max_total_bytes=1024 * 1024))


def test_encrypted_zip_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("main.py", "x = 1\n")
    data = bytearray(buffer.getvalue())
    data[6] |= 0x01  # the local header's "encrypted" flag
    central = data.rindex(b"PK\x01\x02")
    data[central + 8] |= 0x01  # and the central directory's
    with pytest.raises(SoftcopyRefused, match="密码"):
        read_upload(bytes(data))
