"""Deposit build time for a 100,000-line source tree, against a naive builder in the same process.

The tree is made of real PyPI sources from this virtualenv's site-packages (Python modules of the
packages named by ``--packages``, in path order, until ``--lines`` lines), zipped in memory as an
applicant would upload it. Each round times both builders on the same zip, alternating which goes
first (ABBA):

    engine    banquan.software.softcopy: read the zip, select and order files, apply the line
              rules, paginate every line, draw only the 60 deposited pages (one fpdf2 ``text``
              call per row at a fixed position)
    naive     the same reading, selection and line rules, then every line drawn with one fpdf2
              ``multi_cell`` (automatic page breaks, header in ``FPDF.header``) into a PDF of the
              whole program, and the first and last 30 pages cut out with pypdf

Prints the median seconds of each, the ratio naive / engine, the engine's phases, the time to
check the 60-page deposit, and the load average at start and end.

``--sweep`` instead builds and checks a deposit for each of ``SWEEP_TREES`` (real packages, with
their true languages) and prints the checker's problems per tree: its false-alarm figure.

    .venv/bin/python bench/softcopy.py                      # 100,000 lines, 3 rounds, about 4 minutes
    .venv/bin/python bench/softcopy.py --lines 20000 --rounds 1     # quick run
    .venv/bin/python bench/softcopy.py --sweep              # the checker on 29 real trees, about 1 minute
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("BANQUAN_DATA_DIR", tempfile.mkdtemp(prefix="banquan-bench-softcopy-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "banquan.settings")

import pypdf  # noqa: E402
from fpdf import FPDF  # noqa: E402

from banquan.software.fonts import deposit_fonts  # noqa: E402
from banquan.software.softcopy import (  # noqa: E402
    FontFile,
    ProgramOptions,
    build_program_material,
    read_folder,
    read_upload,
)
from banquan.software.softcopy.build import choose_source_lines, code_pages, deposit_header  # noqa: E402
from banquan.software.softcopy.check import check_deposit  # noqa: E402
from banquan.software.softcopy.pages import first_and_last  # noqa: E402
from banquan.software.softcopy.render import CODE_LAYOUT, render  # noqa: E402

SITE_PACKAGES = Path(sys.prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages"
DEFAULT_PACKAGES = "django,sqlparse,pypdf,fpdf,docx,huey,waitress,pygments"
NAME, VERSION = "基准测试软件", "V1.0"
SWEEP_TREES = (
    ("django/db", "Python"), ("django/contrib/admin", "Python, JavaScript"), ("pygments", "Python"),
    ("docx", "Python"), ("pypdf", "Python"), ("fpdf", "Python"), ("huey", "Python"), ("waitress", "Python"),
    ("numpy/_core/include", "C"), ("lxml/includes", "C"), ("greenlet", "C++, Python"), ("faker", "Python"),
    ("yaml", "Python"), ("cryptography", "Python"), ("pydantic", "Python"), ("mypyc/lib-rt", "C"), ("av", "Python"),
    ("numpy", "Python"), ("django/contrib/gis", "Python, JavaScript"), ("setuptools", "Python"), ("pip", "Python"),
    ("_pytest", "Python"), ("redis", "Python"), ("psycopg", "Python"), ("lxml", "Python"), ("cv2", "Python"),
    ("onnxruntime", "Python"), ("sqlparse", "Python"), ("django/contrib/admin/static/admin/js", "JavaScript"),
)


def source_zip(packages: list[str], target_lines: int) -> tuple[bytes, int, int]:
    """A zip of real modules (path order) holding at least ``target_lines`` lines."""
    buffer, lines, files = io.BytesIO(), 0, 0
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for package in packages:
            for path in sorted((SITE_PACKAGES / package).rglob("*.py")):
                if lines >= target_lines:
                    break
                if "__pycache__" in path.parts or "migrations" in path.parts:
                    continue
                data = path.read_bytes()
                archive.writestr(f"tree/{path.relative_to(SITE_PACKAGES).as_posix()}", data)
                lines += data.count(b"\n")
                files += 1
    if lines < target_lines:
        sys.exit(f"only {lines} lines in {packages}; add packages with --packages")
    return buffer.getvalue(), lines, files


def engine(archive: bytes, font: FontFile, fallbacks: tuple[FontFile, ...]) -> tuple[int, dict[str, float]]:
    phases, t0 = {}, time.perf_counter()
    files = read_upload(archive)
    phases["read zip"], t0 = time.perf_counter() - t0, time.perf_counter()
    _, lines = choose_source_lines(files, ProgramOptions().lines)
    phases["select + line rules"], t0 = time.perf_counter() - t0, time.perf_counter()
    pages = first_and_last(code_pages(lines, 50))
    phases["paginate"], t0 = time.perf_counter() - t0, time.perf_counter()
    pdf = render(pages, header=deposit_header(NAME, VERSION), font=font, layout=CODE_LAYOUT, title="bench",
                 fallbacks=fallbacks)
    phases["render 60 pages"] = time.perf_counter() - t0
    return len(pdf), phases


def engine_api(archive: bytes, font: FontFile, fallbacks: tuple[FontFile, ...]) -> int:
    """The public entry point, as the CLI calls it (what the headline figure times)."""
    return len(build_program_material(read_upload(archive), name=NAME, version=VERSION, font=font,
                                      fallbacks=fallbacks).pdf)


class _NaivePDF(FPDF):
    def header(self) -> None:
        self.set_font("mono", "", 9)
        self.cell(0, 6, f"{NAME} {VERSION}    第 {self.page_no()} 页", new_x="LMARGIN", new_y="NEXT")


def naive(archive: bytes, font: FontFile, fallbacks: tuple[FontFile, ...]) -> tuple[int, int]:
    _, lines = choose_source_lines(read_upload(archive), ProgramOptions().lines)
    pdf = _NaivePDF(format="A4")
    pdf.add_font("mono", "", font.path, collection_font_number=font.index)
    names = []
    for number, face in enumerate(fallbacks):
        names.append(f"fallback{number}")
        pdf.add_font(names[-1], "", face.path, collection_font_number=face.index)
    pdf.set_fallback_fonts(names, exact_match=False)
    pdf.set_auto_page_break(True, margin=10)
    pdf.add_page()
    for line in lines:
        pdf.set_font("mono", "", 8)
        pdf.multi_cell(0, CODE_LAYOUT.row_height, line.text, new_x="LMARGIN", new_y="NEXT")
    whole = pypdf.PdfReader(io.BytesIO(bytes(pdf.output())))
    writer = pypdf.PdfWriter()
    count = len(whole.pages)
    for index in (range(count) if count <= 60 else [*range(30), *range(count - 30, count)]):
        writer.add_page(whole.pages[index])
    out = io.BytesIO()
    writer.write(out)
    return len(out.getvalue()), count


def sweep(font: FontFile, fallbacks: tuple[FontFile, ...]) -> None:
    pages, problems = 0, 0
    for relative, language in SWEEP_TREES:
        folder = SITE_PACKAGES / relative
        if not folder.is_dir():
            print(f"{relative}: not installed, skipped")
            continue
        pdf = build_program_material(read_folder(folder), name=NAME, version=VERSION, font=font,
                                     fallbacks=fallbacks).pdf
        found = check_deposit(pdf, name=NAME, version=VERSION, language=language)
        count = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
        pages, problems = pages + count, problems + len(found)
        codes = sorted({p.code for p in found})
        print(f"{relative:40} {language:20} {count:3} pages  {len(found):3} problems {' '.join(codes)}")
    print(f"{len(SWEEP_TREES)} trees, {pages:,} pages, {problems} problems")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--lines", type=int, default=100_000)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--packages", default=DEFAULT_PACKAGES, help="comma-separated site-packages folders")
    p.add_argument("--sweep", action="store_true", help="check deposits of real trees instead (false alarms)")
    args = p.parse_args()
    print(f"load average at start: {os.getloadavg()}")
    if args.sweep:
        sweep(*deposit_fonts())
        return
    archive, lines, files = source_zip(args.packages.split(","), args.lines)
    font, fallbacks = deposit_fonts()
    print(f"tree: {lines:,} lines in {files:,} files ({len(archive) / 1e6:.1f} MB zipped); font {font}")
    times: dict[str, list[float]] = {"engine": [], "naive": []}
    phases: list[dict[str, float]] = []
    naive_pages = 0
    for round_ in range(args.rounds):
        order = ["engine", "naive"] if round_ % 2 == 0 else ["naive", "engine"]
        for name in order:
            t0 = time.perf_counter()
            if name == "engine":
                engine_api(archive, font, fallbacks)
            else:
                naive_pages = naive(archive, font, fallbacks)[1]
            times[name].append(time.perf_counter() - t0)
        phases.append(engine(archive, font, fallbacks)[1])
        print(f"round {round_ + 1}: engine {times['engine'][-1]:.2f} s, naive {times['naive'][-1]:.2f} s", flush=True)
    _, program = choose_source_lines(read_upload(archive), ProgramOptions().lines)
    engine_s, naive_s = statistics.median(times["engine"]), statistics.median(times["naive"])
    print(f"\nprogram: {len(program):,} lines after the line rules; {len(code_pages(program, 50)):,} pages "
          f"(engine), {naive_pages:,} pages (naive); deposit 60 pages")
    print(f"engine (median of {args.rounds}): {engine_s:.2f} s")
    print(f"naive  (median of {args.rounds}): {naive_s:.2f} s")
    print(f"ratio naive / engine: {naive_s / engine_s:.1f}x")
    deposit = build_program_material(read_upload(archive), name=NAME, version=VERSION, font=font, fallbacks=fallbacks)
    checks = []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        check_deposit(deposit.pdf, name=NAME, version=VERSION, language="Python")
        checks.append(time.perf_counter() - t0)
    print(f"check of the 60-page deposit (median of {args.rounds}): {statistics.median(checks):.2f} s")
    print("engine phases (median s): " + ", ".join(
        f"{k} {statistics.median(ph[k] for ph in phases):.2f}" for k in phases[0]))
    print(f"load average at end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
