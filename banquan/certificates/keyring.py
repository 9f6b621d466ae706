"""The office's signing keys over time: the current key, and the public halves of retired
ones, so certificates signed before a key rotation still verify.

Layout of ``settings.BANQUAN_KEY_DIR``::

    office_ed25519.pem              the current private key (0600)
    retired/<key_id>.pub.pem        public keys of earlier keys; their private keys are deleted

A rotation (``banquan keys rotate``) retires the current key and creates a new one. Do it when
a key may have leaked or by policy; running servers pick the new key up at their next
signature (``signing.office_key`` notices the new file)."""

import os
import re
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.conf import settings

from banquan.certificates import signing

RETIRED = "retired"
_KEY_ID = re.compile(r"[0-9a-f]{16}")


def _retired_dir() -> Path:
    return Path(settings.BANQUAN_KEY_DIR) / RETIRED


def public_key_for(key_id: str) -> Ed25519PublicKey | None:
    """The public key that ``key_id`` names: the current key or a retired one; None if unknown."""
    current = signing.office_key().public_key()
    if signing.key_id(current) == key_id:
        return current
    if not _KEY_ID.fullmatch(key_id or ""):
        return None
    path = _retired_dir() / f"{key_id}.pub.pem"
    if not path.is_file():
        return None
    key = serialization.load_pem_public_key(path.read_bytes())
    return key if isinstance(key, Ed25519PublicKey) else None


def retired_ids() -> list[str]:
    folder = _retired_dir()
    return sorted(p.name.removesuffix(".pub.pem") for p in folder.glob("*.pub.pem")) if folder.is_dir() else []


def rotate() -> tuple[str, str]:
    """Retire the current key (keeping its public half) and create a new one; returns the old
    and new key ids. The public half is written before the private key is removed, so no
    certificate is ever left without a key to check it."""
    old = signing.office_key()
    old_id = signing.key_id(old.public_key())
    folder = _retired_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    pem = old.public_key().public_bytes(serialization.Encoding.PEM,
                                        serialization.PublicFormat.SubjectPublicKeyInfo)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".retiring-")
    with os.fdopen(fd, "wb") as out:
        out.write(pem)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, folder / f"{old_id}.pub.pem")
    (Path(settings.BANQUAN_KEY_DIR) / signing.KEY_FILENAME).unlink()
    new_id = signing.key_id(signing.office_key().public_key())
    return old_id, new_id
