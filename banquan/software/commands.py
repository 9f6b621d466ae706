"""``banquan softcopy build`` and ``banquan softcopy check``: the command-line side of the deposit
material builder and checker (parsers are declared in ``banquan.cli``).

Both print JSON on stdout. ``build`` exits 0, or 2 with ``{"error": reason}`` when the upload or
an option is refused; ``check`` exits 0 when it finds no problem, 1 when it finds some, 2 when
the PDF cannot be read.
"""

import argparse
import json
import sys
from pathlib import Path

from banquan.screening.text import LexiconError, Screener, lexicon
from banquan.software.softcopy import (
    ProgramOptions,
    SoftcopyRefused,
    build_program_material,
    parse_redaction,
    read_folder,
    read_upload,
)
from banquan.software.softcopy.check import check_deposit
from banquan.software.softcopy.check.rules import summarise
from banquan.software.softcopy.documents import build_documentation_material
from banquan.software.softcopy.lines import LineOptions
from banquan.software.softcopy.objectcode import build_object_code_material


def build(args: argparse.Namespace) -> int:
    from banquan.software.fonts import deposit_fonts, prose_fonts

    try:
        if args.doc:
            font, fallbacks = prose_fonts()
            deposit = build_documentation_material(Path(args.src).read_bytes(), Path(args.src).name, name=args.name,
                                                   version=args.version, font=font, fallbacks=fallbacks)
        else:
            font, fallbacks = deposit_fonts()
            deposit = _build_program(args, font, fallbacks)
        Path(args.output).write_bytes(deposit.pdf)
    except SoftcopyRefused as e:
        return _fail(e.reason)
    except OSError as e:
        return _fail(str(e))
    print(json.dumps({"output": args.output, **deposit.summary()}, ensure_ascii=False, indent=1))
    return 0


def _build_program(args: argparse.Namespace, font, fallbacks):
    src = Path(args.src)
    files = read_folder(src) if src.is_dir() else read_upload(src.read_bytes(), src.name)
    lines = LineOptions(keep_blank_lines=args.keep_blank_lines, keep_comment_lines=not args.drop_comment_lines)
    if args.mode == "object_code":
        if not args.object:
            raise SoftcopyRefused("目标程序方式需要用 --object 指定目标程序文件。")
        return build_object_code_material(Path(args.object).read_bytes(), files, name=args.name, version=args.version,
                                          font=font, fallbacks=fallbacks, source_start_page=args.start_page or 1,
                                          lines=lines)
    options = ProgramOptions(lines=lines, lines_per_page=args.lines_per_page, mode=args.mode,
                             start_page=args.start_page, redactions=tuple(parse_redaction(s) for s in args.redact))
    return build_program_material(files, name=args.name, version=args.version, font=font, fallbacks=fallbacks,
                                  options=options)


def check(args: argparse.Namespace) -> int:
    try:
        screener = _screener(args)
        problems = check_deposit(Path(args.pdf).read_bytes(), name=args.name, version=args.version, kind=args.kind,
                                 mode=args.mode, language=args.language, screener=screener)
    except SoftcopyRefused as e:
        return _fail(e.reason)
    except (OSError, LexiconError) as e:
        return _fail(str(e))
    report = {"pdf": args.pdf, "ok": not problems, "summary": summarise(problems),
              "problems": [p.as_dict() for p in problems]}
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return 1 if problems else 0


def _screener(args: argparse.Namespace) -> Screener | None:
    if args.no_screen:
        return None
    if args.lexicon:
        raw = lexicon.decode(Path(args.lexicon).read_bytes())
        return Screener.build(lexicon.parse_csv(raw) if args.lexicon.endswith(".csv") else lexicon.parse_text(raw))
    from django.db import DatabaseError

    from banquan.lexicon.services import current_screener

    try:
        return current_screener()
    except DatabaseError as e:
        raise SoftcopyRefused("无法读取本机构的敏感词库（数据库未就绪），请用 --lexicon 指定词库文件，或用 --no-screen 跳过。") from e


def _fail(reason: str) -> int:
    print(json.dumps({"error": reason}, ensure_ascii=False), file=sys.stderr)
    return 2
