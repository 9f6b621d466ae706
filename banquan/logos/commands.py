"""``banquan logos import`` and ``banquan screen logo`` against the office's library: the
command-line side of the protected-mark library (parsers are declared in ``banquan.cli``)."""

import argparse
import json
import sys
from pathlib import Path

from banquan.logos import archive


def _bar(done: int, total: int) -> None:
    width = 30
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\rmarks [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def _folder_as_archive(folder: Path) -> bytes:
    files = sorted(p for p in folder.rglob("*") if p.is_file()
                   and (p.suffix.lower() in archive.EXTENSIONS or p.name.lower() == archive.MANIFEST))
    return archive.pack([(str(p.relative_to(folder)), p.read_bytes()) for p in files])


def import_marks(args: argparse.Namespace) -> int:
    """Import a folder or an archive of marks into the office's library, with a progress bar."""
    from banquan.core.errors import DomainError
    from banquan.logos import services

    path = Path(args.path)
    try:
        data = _folder_as_archive(path) if path.is_dir() else path.read_bytes()
        job = services.start_import(by=None, data=data, filename=path.name, default_owner=args.owner or "",
                                    schedule=False)
    except (DomainError, OSError) as e:
        print(f"banquan logos import: {getattr(e, 'message', e)}", file=sys.stderr)
        return 2
    job = services.run_import(job.pk, progress=_bar)
    print(f"added {job.added}, already in the library {job.duplicates}, refused {len(job.errors)}")
    for refused in job.errors:
        print(json.dumps(refused, ensure_ascii=False))
    return 1 if job.errors else 0


def screen_with_office_library(images: list[str]) -> int:
    """``banquan screen logo IMAGE...`` without ``--library``: the office's active marks."""
    from banquan.logos import library
    from banquan.logos.images import LogoError
    from banquan.logos.models import Mark

    index = library.current_index()
    status = 0
    for path in images:
        try:
            with open(path, "rb") as f:
                m = index.match(f.read(), path)
            mark = Mark.objects.filter(pk=int(m.mark)).first() if m.mark else None
            line = {"image": path, "decision": m.decision, "score": round(m.score, 2),
                    "match": mark.brand if mark else None, "owner": mark.owner if mark else None,
                    "region": list(m.region) if m.region else None}
        except (LogoError, OSError) as e:
            status = 1
            line = {"image": path, "decision": "error", "reason": getattr(e, "reason", str(e))}
        print(json.dumps(line, ensure_ascii=False))
    return status
