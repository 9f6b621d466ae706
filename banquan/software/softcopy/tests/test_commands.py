"""``banquan softcopy build`` and ``banquan softcopy check`` in-process, on a real source tree."""

import json

from banquan.cli import main
from banquan.software.softcopy.tests.conftest import python_lines, real_tree, zip_folder


def test_build_then_check_a_real_tree(tmp_path, capsys):
    archive = tmp_path / "sqlparse.zip"
    archive.write_bytes(zip_folder(real_tree("sqlparse"), "sqlparse/"))
    out = tmp_path / "deposit.pdf"
    assert main(["softcopy", "build", str(archive), "--name", "SQL格式化软件", "--version", "V1.0", "-o", str(out)]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["pages"] == 60 and summary["files"][0] == "sqlparse/__main__.py"
    assert out.read_bytes().startswith(b"%PDF")

    lexicon = tmp_path / "lexicon.txt"
    lexicon.write_text("赌博网站\t违法广告\t3\n", encoding="utf-8")
    args = ["softcopy", "check", str(out), "--name", "SQL格式化软件", "--version", "V1.0", "--language", "Python",
            "--lexicon", str(lexicon)]
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out) == {"pdf": str(out), "ok": True, "summary": [], "problems": []}

    assert main([*args[:4], "SQL美化软件", *args[5:]]) == 1
    report = json.loads(capsys.readouterr().out)
    assert not report["ok"] and {p["code"] for p in report["problems"]} == {"header_name"}
    assert report["problems"][0]["page"] == 1 and "申请表" in report["problems"][0]["message"]
    # one line for the one mistake made on every page
    assert report["summary"] == [{"code": "header_name", "count": len(report["problems"]),
                                  "pages": f"1–{len(report['problems'])}"}]


def test_build_from_a_folder_with_redaction_and_refusals(tmp_path, capsys):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "main.py").write_text(python_lines(4000))
    out = tmp_path / "r.pdf"
    base = ["softcopy", "build", str(tmp_path / "src"), "--name", "排课系统", "--version", "1.0", "-o", str(out)]
    assert main([*base, "--mode", "redacted", "--redact", "main.py:10-30"]) == 0
    capsys.readouterr()
    assert main(["softcopy", "check", str(out), "--name", "排课系统", "--version", "1.0", "--mode", "redacted",
                 "--no-screen"]) == 0
    capsys.readouterr()
    assert main([*base, "--mode", "redacted", "--redact", "main.py:1-200"]) == 2
    assert "超过一半" in json.loads(capsys.readouterr().err)["error"]


def test_check_refuses_what_is_not_a_pdf(tmp_path, capsys):
    junk = tmp_path / "x.pdf"
    junk.write_bytes(b"not a pdf")
    assert main(["softcopy", "check", str(junk), "--name", "a", "--version", "1", "--no-screen"]) == 2
    assert "PDF" in json.loads(capsys.readouterr().err.splitlines()[-1])["error"]  # after pypdf's own warnings


def test_object_code_and_documentation_from_the_command_line(tmp_path, capsys):
    from banquan.software.softcopy.tests.conftest import SITE_PACKAGES

    out = tmp_path / "object.pdf"
    binary = SITE_PACKAGES / "ahocorasick.cpython-311-x86_64-linux-gnu.so"
    assert main(["softcopy", "build", str(real_tree("sqlparse")), "--name", "多模式匹配", "--version", "2.3",
                 "--mode", "object_code", "--object", str(binary), "--start-page", "5", "-o", str(out)]) == 0
    assert json.loads(capsys.readouterr().out)["pages"] == 80
    assert main(["softcopy", "check", str(out), "--name", "多模式匹配", "--version", "2.3", "--mode", "object_code",
                 "--language", "Python", "--no-screen"]) == 0
    capsys.readouterr()

    manual = tmp_path / "manual.md"
    manual.write_text("# 使用说明\n\n" + "".join(f"{i}. 点击“保存”按钮保存课程。\n" for i in range(100)), encoding="utf-8")
    doc = tmp_path / "doc.pdf"
    assert main(["softcopy", "build", str(manual), "--doc", "--name", "多模式匹配", "--version", "2.3", "-o", str(doc)]) == 0
    assert json.loads(capsys.readouterr().out)["pages"] == 4
    assert main(["softcopy", "check", str(doc), "--kind", "doc", "--name", "多模式匹配", "--version", "2.3",
                 "--no-screen"]) == 0


def test_a_folder_upload_does_not_read_git_history(tmp_path):
    from banquan.software.softcopy import read_folder

    (tmp_path / ".git" / "objects").mkdir(parents=True)
    (tmp_path / ".git" / "objects" / "ab").write_bytes(b"\x00" * 10)
    (tmp_path / "main.py").write_text("x = 1\n")
    assert [f.path for f in read_folder(tmp_path)] == ["main.py"]
