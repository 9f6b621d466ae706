"""Download a few source distributions from PyPI into ``var/sdists`` for the software tests: real
source trees, uploaded as applicants upload them (a .tar.gz), not trees the tests write.

Pinned versions with the sha256 PyPI publishes; an existing, verified file is kept. Run by
``scripts/setup --dev``; a machine without PyPI access only skips the tests that need them.
"""

import hashlib
import json
import sys
import urllib.request
from pathlib import Path

# project -> (sdist file name, sha256 as PyPI publishes it)
SDISTS = {
    "sqlparse": ("sqlparse-0.6.1.tar.gz", "ca722573f848ff2d30e40ea30f53a104b7dea7635ea9285891263eb2c58fb6e7"),
    "PyYAML": ("pyyaml-6.0.4.tar.gz", "e24bf71af8a432d7808fabff134d38dfe16d3cbb41f2873bb4b1e42422de0a1a"),
    "MarkupSafe": ("markupsafe-3.0.4.tar.gz", "2e9ad7dd851bf45fab9f75cbff4cb493fee9979e8d8c7c9c3ee119022518edd6"),
}
TARGET = Path(__file__).resolve().parent.parent / "var" / "sdists"
SIMPLE = "https://pypi.org/simple/{}/"  # PEP 691: the JSON form of the simple index


def sdist_url(project: str, filename: str) -> str:
    request = urllib.request.Request(SIMPLE.format(project), headers={"Accept": "application/vnd.pypi.simple.v1+json"})
    with urllib.request.urlopen(request, timeout=60) as r:
        files = json.load(r)["files"]
    (url,) = [f["url"] for f in files if f["filename"] == filename]
    return url


def fetch(project: str, filename: str, sha256: str) -> Path:
    path = TARGET / filename
    if path.exists() and hashlib.sha256(path.read_bytes()).hexdigest() == sha256:
        return path
    with urllib.request.urlopen(sdist_url(project, filename), timeout=120) as r:
        data = r.read()
    if hashlib.sha256(data).hexdigest() != sha256:
        raise ValueError(f"{filename}: checksum differs from the pinned one")
    partial = path.with_suffix(".part")
    partial.write_bytes(data)
    partial.replace(path)
    return path


def main() -> int:
    TARGET.mkdir(parents=True, exist_ok=True)
    failed = 0
    for project, (filename, sha256) in SDISTS.items():
        try:
            fetch(project, filename, sha256)
        except Exception as e:  # noqa: BLE001 - report and go on; the tests skip what is missing
            print(f"banquan: could not fetch {filename} ({e})", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
