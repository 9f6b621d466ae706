"""`banquan serve` as a user starts it: migrates a fresh data folder, serves pages and static
files, and runs queued jobs in-process."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

BANQUAN = [sys.executable, "-m", "banquan.cli"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


@pytest.fixture
def server(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("BANQUAN_")}
    env |= {"BANQUAN_DATA_DIR": str(tmp_path / "var"), "BANQUAN_JOBS": "sqlite", "PYTHONUNBUFFERED": "1"}
    port = _free_port()
    log = open(tmp_path / "serve.log", "w+")
    proc = subprocess.Popen([*BANQUAN, "serve", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if _get(base + "/")[0] == 200:
                break
        except OSError:
            time.sleep(0.5)
    else:
        proc.terminate()
        pytest.fail("server did not start: " + Path(log.name).read_text())
    yield base, env, Path(log.name)
    proc.terminate()
    proc.wait(timeout=30)


def test_serve_pages_static_files_and_jobs(server):
    base, env, log = server
    status, body = _get(base + "/")
    assert status == 200 and "著作权登记".encode() in body
    assert _get(base + "/static/banquan/site.css")[0] == 200
    assert _get(base + "/api/openapi.json")[0] == 200
    assert (Path(env["BANQUAN_DATA_DIR"]) / "keys" / "office_ed25519.pem").exists()

    # A job queued by another process is picked up by the server's in-process worker.
    enqueue = ("from banquan.workdays.tasks import recompute_deadlines; recompute_deadlines();"
               "from huey.contrib.djhuey import HUEY; print(HUEY.pending_count())")
    out = subprocess.run([*BANQUAN, "manage", "shell", "-c", enqueue], env=env, capture_output=True,
                         text=True, timeout=60, check=True).stdout
    assert out.strip().endswith("1")
    count = ("from huey.contrib.djhuey import HUEY; print(HUEY.pending_count())")
    for _ in range(40):
        pending = subprocess.run([*BANQUAN, "manage", "shell", "-c", count], env=env, capture_output=True,
                                 text=True, timeout=60, check=True).stdout.strip().splitlines()[-1]
        if pending == "0":
            break
        time.sleep(0.5)
    assert pending == "0"
    assert "not found in TaskRegistry" not in log.read_text()
