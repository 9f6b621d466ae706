"""The blob store interface: samples, certificates and other files live here, never in the DB.

Keys are opaque relative paths chosen by the caller (``samples/<uuid>/<name>``). Writes are
atomic: a reader sees the whole file or nothing, never a half-written one.
"""

import os
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO, Protocol

from django.conf import settings

from banquan.core import plugins


class BlobStore(Protocol):
    def put(self, key: str, data: BinaryIO | bytes) -> None: ...
    def open(self, key: str) -> BinaryIO: ...
    def read(self, key: str) -> bytes: ...
    def exists(self, key: str) -> bool: ...
    def delete(self, key: str) -> None: ...
    def size(self, key: str) -> int: ...


class LocalFileStorage:
    """Files below ``BANQUAN_STORAGE_DIR``, written to a temporary file then renamed."""

    def __init__(self, root: Path | None = None):
        self.root = Path(root or settings.BANQUAN_STORAGE_DIR)

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if self.root.resolve() not in path.parents:
            raise ValueError(f"blob key escapes the store: {key!r}")
        return path

    def put(self, key: str, data: BinaryIO | bytes) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".part-")
        try:
            with os.fdopen(fd, "wb") as out:
                if isinstance(data, bytes):
                    out.write(data)
                else:
                    shutil.copyfileobj(data, out, 1024 * 1024)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def open(self, key: str) -> BinaryIO:
        return open(self._path(key), "rb")

    def read(self, key: str) -> bytes:
        return self._path(key).read_bytes()

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def size(self, key: str) -> int:
        return self._path(key).stat().st_size


def store() -> BlobStore:
    return plugins.get("BANQUAN_STORAGE")
