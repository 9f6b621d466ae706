"""The ``banquan`` command: serve, demo, calendar, worker, manage."""

import argparse
import datetime as dt
import os
import signal
import sys


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "banquan.settings")
    import django

    django.setup()


def _job_consumer(workers: int):
    """A Huey consumer that knows every app's tasks (djhuey only discovers them in its own
    management command)."""
    from django.utils.module_loading import autodiscover_modules
    from huey.contrib.djhuey import HUEY

    autodiscover_modules("tasks")
    return HUEY.create_consumer(workers=workers, worker_type="thread", periodic=True)


def _migrate(verbosity: int = 0) -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)


def cmd_serve(args: argparse.Namespace) -> int:
    _django()
    from django.conf import settings
    from waitress import serve

    from banquan.certificates import signing
    from banquan.wsgi import application

    _migrate()
    signing.load_or_create_key(settings.BANQUAN_KEY_DIR)
    consumer = None
    if not settings.HUEY.get("immediate") and not args.no_worker:
        consumer = _job_consumer(workers=2)
        consumer.start()
        # The consumer installs its own handlers; give Ctrl-C and SIGTERM back to the server.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    print(f"banquan listening on http://{args.host}:{args.port}/ (data: {settings.DATA_DIR})", flush=True)
    try:
        serve(application, host=args.host, port=args.port, threads=args.threads, ident="banquan")
    except KeyboardInterrupt:
        pass
    finally:
        if consumer is not None:
            consumer.stop(graceful=True)
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    """Run the job consumer on its own (when the web server runs with --no-worker)."""
    _django()
    _job_consumer(workers=args.workers).run()
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    _django()
    from banquan.demo.seed import run as seed_demo

    _migrate()
    seed_demo(print_accounts=True, registrations=args.registrations)
    return 0


def cmd_calendar(args: argparse.Namespace) -> int:
    _django()
    from banquan.workdays import calendar

    _migrate()
    if args.action == "add-working-days":
        try:
            start = dt.date.fromisoformat(args.date)
        except ValueError:
            print(f"error: not a date in YYYY-MM-DD form: {args.date}", file=sys.stderr)
            return 2
        if args.n < 0:
            print("error: N must be 0 or more", file=sys.stderr)
            return 2
        result = calendar.add_working_days(start, args.n)
        day = result.day.isoformat() if result.day else ""
        print(f"{day} provisional" if result.provisional else day)
        return 0
    if args.action == "seed":
        from banquan.workdays.seed import seed_from_package

        print(f"added {seed_from_package()} days")
        return 0
    if args.action == "years":
        from banquan.workdays.models import CalendarYear

        print(" ".join(str(y) for y in CalendarYear.objects.values_list("year", flat=True)))
        return 0
    return 2


def cmd_keys(args: argparse.Namespace) -> int:
    _django()
    from banquan.certificates import keyring, signing

    if args.action == "rotate":
        old, new = keyring.rotate()
        print(f"retired {old}; signing now with {new}")
        return 0
    print(f"current {signing.key_id()}")
    for key_id in keyring.retired_ids():
        print(f"retired {key_id}")
    return 0


def _read_file(path: str) -> str:
    from banquan.screening.text import lexicon

    with open(path, "rb") as f:
        return lexicon.decode(f.read())


def cmd_screen(args: argparse.Namespace) -> int:
    """Screen stdin; one JSON object per hit per line."""
    import json

    from banquan.screening.text import LexiconError, Screener, lexicon

    try:
        text = lexicon.decode(sys.stdin.buffer.read())
        if args.lexicon:
            raw = _read_file(args.lexicon)
            terms = lexicon.parse_csv(raw) if args.lexicon.endswith(".csv") else lexicon.parse_text(raw)
            whitelist = lexicon.parse_whitelist(_read_file(args.whitelist)) if args.whitelist else []
            screener = Screener.build(terms, whitelist, detect_contacts=args.contacts)
        else:
            _django()
            from banquan.lexicon.services import current_screener

            screener = current_screener()
            if args.whitelist:
                extra = lexicon.parse_whitelist(_read_file(args.whitelist))
                screener = Screener.build(screener.terms, [*screener.whitelist, *extra],
                                          detect_contacts=args.contacts)
    except LexiconError as e:
        print(f"banquan screen: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"banquan screen: {e}", file=sys.stderr)
        return 2
    out = sys.stdout
    for hit in screener.scan(text):
        out.write(json.dumps({k: getattr(hit, k) for k in ("term", "category", "level", "kind", "start", "end",
                                                          "matched")}, ensure_ascii=False) + "\n")
    return 0


def cmd_screen_logo(args: argparse.Namespace) -> int:
    """Screen images against a folder of protected marks; one JSON line per image."""
    import json
    from pathlib import Path

    from banquan.logos import LogoError, LogoIndex

    if not args.library:  # the office's library in the database
        _django()
        from banquan.logos.commands import screen_with_office_library

        return screen_with_office_library(args.images)
    files = sorted(p for p in Path(args.library).iterdir()
                   if p.is_file() and p.suffix.lower() in (".png", ".jpg", ".jpeg", ".svg"))
    try:
        index = LogoIndex.build((p.stem, p.read_bytes(), p.name) for p in files)
    except (LogoError, OSError) as e:
        print(f"banquan screen logo: {e}", file=sys.stderr)
        return 2
    status = 0
    for path in args.images:
        try:
            with open(path, "rb") as f:
                m = index.match(f.read(), path)
            line = {"image": path, "decision": m.decision, "score": round(m.score, 2), "match": m.mark}
        except (LogoError, OSError) as e:
            status = 1
            line = {"image": path, "decision": "error", "reason": getattr(e, "reason", str(e))}
        print(json.dumps(line, ensure_ascii=False))
    return status


def cmd_logos_import(args: argparse.Namespace) -> int:
    _django()
    from banquan.logos.commands import import_marks

    return import_marks(args)


def cmd_iscc(args: argparse.Namespace) -> int:
    """Compute the ISCC of registered works that have none (``--all``: of every one)."""
    _django()
    from banquan.records.models import Registration
    from banquan.similarity import services

    ids = (list(Registration.objects.order_by("id").values_list("id", flat=True)) if args.all
           else services.missing())
    done = skipped = 0
    for n, reg_id in enumerate(ids, 1):
        if services.compute(registration_id=reg_id) is None:
            skipped += 1
        else:
            done += 1
        if n % 50 == 0 or n == len(ids):
            print(f"\r{n}/{len(ids)}", end="", file=sys.stderr, flush=True)
    if ids:
        print(file=sys.stderr)
    print(f"ISCC computed for {done} registrations; {skipped} have no sample")
    return 0


def _bar(kind: str, done: int, total: int, width: int = 20) -> None:
    filled = width * done // total if total else width
    print(f"\r[{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,} {kind}", end="", file=sys.stderr,
          flush=True)
    if done >= total:
        print(file=sys.stderr)


def cmd_similarity(args: argparse.Namespace) -> int:
    """Rebuild the near-duplicate indexes from the fingerprints in the database
    (``--missing``: fingerprint the registered works that have none first)."""
    _django()
    from banquan.similarity import services

    if args.missing:
        ids = services.missing_fingerprints()
        for n, reg_id in enumerate(ids, 1):
            services.fingerprint(registration_id=reg_id, add_to_index=False)
            if n % 50 == 0 or n == len(ids):
                _bar("fingerprints", n, len(ids))
    sizes = services.rebuild_indexes(progress=_bar)
    print(f"similarity indexes rebuilt: {sizes['image']} images, {sizes['text']} texts, "
          f"{sizes.get('audio', 0)} audio, {sizes.get('video', 0)} videos")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """Recompute the statistics tallies from the database (first install, repair)."""
    _django()
    from banquan.stats import services

    _migrate()
    written = services.rebuild()
    print(f"statistics rebuilt: {written['tallies']} tallies, {written['decisions']} processing-time rows")
    return 0


def cmd_softcopy_build(args: argparse.Namespace) -> int:
    """Build the program (or, with --doc, documentation) deposit PDF for software registration."""
    _django()
    from banquan.software import commands

    return commands.build(args)


def cmd_softcopy_check(args: argparse.Namespace) -> int:
    """Check a deposit PDF against the form; JSON report, exit status 1 when there are problems."""
    _django()
    from banquan.software import commands

    return commands.check(args)


def cmd_ask(args: argparse.Namespace) -> int:
    """Ask the assistant; print the answer and its sources."""
    _django()
    from banquan.assistant import commands

    _migrate()
    return commands.ask(args)


def cmd_manage(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "banquan.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["banquan manage", *args.rest])
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="banquan", description="banquan copyright registration system")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("serve", help="run the web server (and, by default, the job worker)")
    s.add_argument("--host", default=os.environ.get("BANQUAN_HOST", "127.0.0.1"))
    s.add_argument("--port", type=int, default=int(os.environ.get("BANQUAN_PORT", "8000")))
    s.add_argument("--threads", type=int, default=8)
    s.add_argument("--no-worker", action="store_true", help="do not run jobs in this process")
    s.set_defaults(func=cmd_serve)

    w = sub.add_parser("worker", help="run the job worker")
    w.add_argument("--workers", type=int, default=2)
    w.set_defaults(func=cmd_worker)

    d = sub.add_parser("demo", help="seed demo accounts and registrations (idempotent)")
    d.add_argument("--registrations", type=int, default=0,
                   help="make sure this many load-test registrations exist (bulk insert that bypasses the services)")
    d.set_defaults(func=cmd_demo)

    c = sub.add_parser("calendar", help="working-day calendar")
    csub = c.add_subparsers(dest="action", required=True)
    a = csub.add_parser("add-working-days", help="print the N-th working day after DATE")
    a.add_argument("date", metavar="YYYY-MM-DD")
    a.add_argument("n", type=int, metavar="N")
    csub.add_parser("seed", help="add holidays from the chinese-calendar package")
    csub.add_parser("years", help="list the years the holiday table covers")
    c.set_defaults(func=cmd_calendar)

    k = sub.add_parser("keys", help="the office's certificate signing keys")
    k.add_argument("action", choices=["show", "rotate"])
    k.set_defaults(func=cmd_keys)

    sc = sub.add_parser("screen", help="screen content for sensitive terms")
    scsub = sc.add_subparsers(dest="what", required=True)
    st = scsub.add_parser("text", help="read text (UTF-8 or GB18030) on stdin, print one JSON line per hit")
    st.add_argument("--lexicon", metavar="FILE",
                    help="terms, one a line: term[<TAB>category[<TAB>level]] (or a .csv); "
                         "default: the office's lexicon in the database")
    st.add_argument("--whitelist", metavar="FILE", help="whitelisted terms, one a line")
    st.add_argument("--contacts", action="store_true", help="also flag phone numbers, e-mail and web addresses")
    st.set_defaults(func=cmd_screen)
    sl = scsub.add_parser("logo", help="compare images with a folder of protected marks, one JSON line per image")
    sl.add_argument("--library", metavar="DIR", help="PNG/JPEG/SVG marks (mark name = file stem); "
                                                     "default: the office's protected marks in the database")
    sl.add_argument("images", nargs="+", metavar="IMAGE")
    sl.set_defaults(func=cmd_screen_logo)

    i = sub.add_parser("iscc", help="compute the ISCC content codes of registered works")
    i.add_argument("--all", action="store_true", help="recompute every registration, not only those without one")
    i.set_defaults(func=cmd_iscc)

    sim = sub.add_parser("similarity", help="the near-duplicate indexes of registered works")
    simsub = sim.add_subparsers(dest="action", required=True)
    rb = simsub.add_parser("rebuild", help="rebuild the image and text indexes from the database")
    rb.add_argument("--missing", action="store_true", help="first fingerprint registered works that have none")
    sim.set_defaults(func=cmd_similarity)

    sts = sub.add_parser("stats", help="the public statistics' pre-aggregated tallies (docs/stats.md)")
    sts.add_subparsers(dest="action", required=True).add_parser("rebuild", help="recompute all tallies from the database")
    sts.set_defaults(func=cmd_stats)

    lg = sub.add_parser("logos", help="the office's library of protected brand marks")
    lgsub = lg.add_subparsers(dest="action", required=True)
    li = lgsub.add_parser("import", help="import a folder or a ZIP/tar.gz archive of PNG/JPEG/SVG marks")
    li.add_argument("path", metavar="PATH", help="folder or archive; an optional marks.csv (file, brand, owner) "
                                                 "names brand and owner, else the brand is the file name")
    li.add_argument("--owner", help="owner of the marks the manifest does not name")
    li.set_defaults(func=cmd_logos_import)

    sw = sub.add_parser("softcopy", help="software registration deposit material (docs/software.md)")
    swsub = sw.add_subparsers(dest="action", required=True)
    sb = swsub.add_parser("build", help="build the deposit PDF from a source tree (folder, zip, tar.gz, git bundle)")
    sb.add_argument("src", metavar="SRC", help="source folder or archive; with --doc: the manual (PDF, DOCX, Markdown)")
    sb.add_argument("--name", required=True, help="software name exactly as on the application form")
    sb.add_argument("--version", required=True, help="version exactly as on the application form")
    sb.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    sb.add_argument("--doc", action="store_true", help="build the documentation material from a manual")
    sb.add_argument("--mode", default="normal", choices=["normal", "redacted", "first10_any50", "object_code"])
    sb.add_argument("--redact", action="append", default=[], metavar="FILE:START-END",
                    help="lines to black out (mode redacted), repeatable")
    sb.add_argument("--start-page", type=int, default=0, metavar="N",
                    help="first of the 50 (first10_any50) or 20 (object_code) consecutive source pages")
    sb.add_argument("--object", metavar="BINARY", help="the object code file (mode object_code)")
    sb.add_argument("--keep-blank-lines", action="store_true")
    sb.add_argument("--drop-comment-lines", action="store_true")
    sb.add_argument("--lines-per-page", type=int, default=50)
    sb.set_defaults(func=cmd_softcopy_build)
    sk = swsub.add_parser("check", help="check a deposit PDF; JSON report, exit status 1 when there are problems")
    sk.add_argument("pdf", metavar="PDF")
    sk.add_argument("--name", required=True)
    sk.add_argument("--version", required=True)
    sk.add_argument("--kind", default="code", choices=["code", "doc"])
    sk.add_argument("--mode", default="normal", choices=["normal", "redacted", "first10_any50", "object_code"])
    sk.add_argument("--language", help="declared programming language(s) as on the form, e.g. Java or \"C++、Python\"")
    sk.add_argument("--lexicon", metavar="FILE", help="sensitive terms for comments (as banquan screen text); "
                                                      "default: the office's lexicon in the database")
    sk.add_argument("--no-screen", action="store_true", help="do not screen comments for sensitive words")
    sk.set_defaults(func=cmd_softcopy_check)

    ak = sub.add_parser("ask", help="ask the assistant (智能客服); prints the answer and its sources")
    ak.add_argument("question", nargs="+")
    ak.add_argument("--json", action="store_true", help="one JSON object: answer, confident, via, sources")
    ak.set_defaults(func=cmd_ask)

    m = sub.add_parser("manage", help="run a Django management command")
    m.add_argument("rest", nargs=argparse.REMAINDER)
    m.set_defaults(func=cmd_manage)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
