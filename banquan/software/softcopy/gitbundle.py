"""A git bundle's latest commit as a tar archive, through the ``git`` command.

The bundle is cloned bare into a temporary folder (no checkout, so no hooks, filters or
attributes run; no configuration of this machine's users is read) and ``git archive HEAD``
writes the tree, read in chunks and stopped as soon as it passes the size cap.
"""

import subprocess
import tempfile
from pathlib import Path

from banquan.software.softcopy.errors import SoftcopyRefused

BUNDLE_SIGNATURES = (b"# v2 git bundle\n", b"# v3 git bundle\n")
GIT_TIMEOUT_SECONDS = 120
CHUNK = 1024 * 1024
_GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_TERMINAL_PROMPT": "0",
            "GIT_ALLOW_PROTOCOL": "file", "PATH": "/usr/bin:/bin:/usr/local/bin"}
_BROKEN = "git bundle 已损坏或不含任何提交，无法读取。请用 git bundle create 文件名 --all 重新生成。"
_NO_GIT = "git bundle 无法读取（系统未安装 git 或读取超时），请改为上传 zip 或 tar.gz 压缩包。"


def is_git_bundle(data: bytes) -> bool:
    return data.startswith(BUNDLE_SIGNATURES)


def tar_from_bundle(data: bytes, max_bytes: int) -> bytes:
    with tempfile.TemporaryDirectory(prefix="softcopy-") as tmp:
        bundle, repo = Path(tmp) / "upload.bundle", Path(tmp) / "repo.git"
        bundle.write_bytes(data)
        try:
            done = subprocess.run(["git", "clone", "--bare", "--quiet", str(bundle), str(repo)], capture_output=True,
                                  timeout=GIT_TIMEOUT_SECONDS, env=_GIT_ENV, check=False)
        except (OSError, subprocess.TimeoutExpired) as e:
            raise SoftcopyRefused(_NO_GIT) from e
        if done.returncode != 0:
            raise SoftcopyRefused(_BROKEN)
        return _archive(repo, max_bytes)


def _archive(repo: Path, max_bytes: int) -> bytes:
    try:
        process = subprocess.Popen(["git", "--git-dir", str(repo), "archive", "--format=tar", "HEAD"],
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=_GIT_ENV)
    except OSError as e:
        raise SoftcopyRefused(_NO_GIT) from e
    assert process.stdout is not None
    chunks, size = [], 0
    with process:
        while chunk := process.stdout.read(CHUNK):
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                process.kill()
                raise SoftcopyRefused(f"git bundle 中的源程序超过 {max_bytes // (1024 * 1024)} MB，请只上传软件的源程序。")
    if process.wait(timeout=GIT_TIMEOUT_SECONDS) != 0:
        raise SoftcopyRefused(_BROKEN)
    return b"".join(chunks)
