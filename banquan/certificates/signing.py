"""Ed25519 signatures over certificate facts.

The private key lives in ``settings.BANQUAN_KEY_DIR/office_ed25519.pem``, outside the database,
so a leaked database dump cannot forge certificates. The key is created on first use. Creation
is safe when several processes start together: each writes a complete key to its own temporary
file and hard-links it into place, which fails if a key already exists, so exactly one key wins,
it is never overwritten and nobody can read a half-written file.
"""

import base64
import binascii
import hashlib
import json
import logging
import os
import re
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings

logger = logging.getLogger(__name__)

KEY_FILENAME = "office_ed25519.pem"
SIGNATURE_BYTES = 64
_B64URL = re.compile(r"[A-Za-z0-9_-]+")
# Only reached on filesystems without hard links, where another process may still be writing.
_PARTIAL_KEY_RETRIES = 20


class KeyFileError(RuntimeError):
    """The key file exists but cannot be used; never replaced automatically (that would void
    every certificate signed so far)."""


def canonical_payload(data: dict[str, Any]) -> bytes:
    """The exact bytes to sign: compact JSON with sorted keys, UTF-8, Chinese left readable.

    Values must already be JSON types (format dates as ISO strings first); NaN is refused
    because it has no JSON spelling other parsers agree on.
    """
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.encode("utf-8")


def sign(payload: bytes) -> str:
    """The signature of ``payload`` with the office key, URL-safe base64 without padding."""
    return _b64url_encode(office_key().sign(payload))


def verify(payload: bytes, signature: str, public_key: Ed25519PublicKey | str | bytes | None = None) -> bool:
    """True only if ``signature`` is a valid signature of ``payload``.

    ``public_key`` defaults to the office key; pass an older key (object or PEM) to check
    certificates signed before a key change. Malformed input of any kind gives False.
    """
    try:
        if not isinstance(payload, bytes):
            return False
        raw = _b64url_decode(signature)
        if raw is None or len(raw) != SIGNATURE_BYTES:
            return False
        key = _as_public_key(public_key)
        if key is None:
            return False
        key.verify(raw, payload)
        return True
    except InvalidSignature:
        return False
    except Exception:  # a verifier fed by URLs must answer, not crash
        logger.warning("signature verification failed unexpectedly", exc_info=True)
        return False


def office_key() -> Ed25519PrivateKey:
    """The office's private key from ``settings.BANQUAN_KEY_DIR``, created on first use.

    Cached per key file identity (inode, mtime), so after a key rotation every running process
    signs with the new key at its next signature without a restart."""
    key_dir = Path(settings.BANQUAN_KEY_DIR).resolve()
    path = key_dir / KEY_FILENAME
    if not path.exists():
        load_or_create_key(key_dir)
    st = path.stat()
    return _cached_key(str(key_dir), (st.st_ino, st.st_mtime_ns))


def public_key_pem() -> str:
    """The office public key as SubjectPublicKeyInfo PEM, for publishing and for verifiers."""
    pem = (
        office_key()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    return pem.decode("ascii")


def key_id(public_key: Ed25519PublicKey | None = None) -> str:
    """Short fingerprint printed on certificates: first 16 hex digits of SHA-256 of the raw key."""
    key = public_key or office_key().public_key()
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def load_or_create_key(key_dir: Path) -> Ed25519PrivateKey:
    """Load ``key_dir/office_ed25519.pem``, creating the directory (0700) and key (0600) if needed."""
    key_dir = Path(key_dir)
    _ensure_private_dir(key_dir)
    path = key_dir / KEY_FILENAME
    if not path.exists():
        _create_key_file(path)
    return _load_key_file(path)


@lru_cache(maxsize=4)
def _cached_key(key_dir: str, stamp: tuple[int, int]) -> Ed25519PrivateKey:
    return load_or_create_key(Path(key_dir))


def _ensure_private_dir(key_dir: Path) -> None:
    try:
        key_dir.mkdir(mode=0o700, parents=True)
    except FileExistsError:
        if not key_dir.is_dir():
            raise
        if key_dir.stat().st_mode & 0o077:
            logger.warning("key directory %s is accessible to other users; chmod 700 it", key_dir)
        return
    os.chmod(key_dir, 0o700)  # mkdir's mode is reduced by the umask; be exact


def _create_key_file(path: Path) -> None:
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    # mkstemp creates the file with mode 0600 whatever the umask.
    fd, tmp_name = tempfile.mkstemp(prefix=".office_ed25519.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(pem)
            tmp.flush()
            os.fsync(tmp.fileno())
        try:
            os.link(tmp_name, path)  # atomic and fails if the key exists: never overwrites
        except FileExistsError:
            return  # another process won the race; its key is the key
        except OSError:
            _create_exclusive(path, pem)  # filesystem without hard links
            return
        logger.info("created office signing key %s", path)
        _fsync_dir(path.parent)
    finally:
        os.unlink(tmp_name)


def _create_exclusive(path: Path, pem: bytes) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    with os.fdopen(fd, "wb") as out:
        out.write(pem)
        out.flush()
        os.fsync(out.fileno())
    logger.info("created office signing key %s", path)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some platforms cannot fsync directories; the key file itself is synced
    finally:
        os.close(fd)


def _load_key_file(path: Path) -> Ed25519PrivateKey:
    if path.stat().st_mode & 0o077:
        logger.warning("signing key %s is readable by other users; chmod 600 it", path)
    for attempt in range(_PARTIAL_KEY_RETRIES):
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
            break
        except ValueError as exc:
            if attempt == _PARTIAL_KEY_RETRIES - 1:
                raise KeyFileError(f"cannot read the signing key {path}: {exc}") from exc
            time.sleep(0.05)  # possibly still being written by another process
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(f"{path} holds a {type(key).__name__}, not an Ed25519 private key")
    return key


def _as_public_key(public_key: Ed25519PublicKey | str | bytes | None) -> Ed25519PublicKey | None:
    if public_key is None:
        return office_key().public_key()
    if isinstance(public_key, Ed25519PublicKey):
        return public_key
    try:
        pem = public_key.encode("ascii") if isinstance(public_key, str) else public_key
        key = serialization.load_pem_public_key(pem)
    except (ValueError, TypeError, AttributeError):  # UnicodeEncodeError is a ValueError
        return None
    return key if isinstance(key, Ed25519PublicKey) else None


def _b64url_encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64url_decode(text: object) -> bytes | None:
    if not isinstance(text, str) or not _B64URL.fullmatch(text):
        return None
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        return None
    # Several spellings decode to the same bytes (unused low bits of the last character);
    # accept only the canonical one so an altered signature string never verifies.
    return raw if _b64url_encode(raw) == text else None
