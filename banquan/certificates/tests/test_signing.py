"""Ed25519 signing of certificate payloads and the office key file. No database needed."""

import hashlib
import multiprocessing
import os
import stat
import time

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from banquan.certificates import signing
from banquan.certificates.signing import (
    KEY_FILENAME,
    KeyFileError,
    canonical_payload,
    key_id,
    load_or_create_key,
    public_key_pem,
    sign,
    verify,
)

PAYLOAD = {"number": "国作登字-2026-F-00000123", "title": "山水𠮷祥图", "version": 1, "owners": ["张三"]}


@pytest.fixture(autouse=True)
def key_dir(settings, tmp_path):
    settings.BANQUAN_KEY_DIR = tmp_path / "keys"
    return settings.BANQUAN_KEY_DIR


def _raw_public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def test_canonical_payload_is_compact_sorted_utf8_json():
    payload = canonical_payload({"b": 1, "a": ["张三", None, True]})
    assert payload == '{"a":["张三",null,true],"b":1}'.encode()
    assert canonical_payload(dict(reversed(list(PAYLOAD.items())))) == canonical_payload(PAYLOAD)
    with pytest.raises(ValueError):
        canonical_payload({"x": float("nan")})


def test_signature_verifies_and_is_url_safe_without_padding():
    payload = canonical_payload(PAYLOAD)
    signature = sign(payload)
    assert len(signature) == 86 and "=" not in signature
    assert all(c.isalnum() or c in "-_" for c in signature)
    assert verify(payload, signature)


def test_tampered_payload_fails():
    payload = canonical_payload(PAYLOAD)
    signature = sign(payload)
    assert not verify(canonical_payload({**PAYLOAD, "title": "山水吉祥图"}), signature)
    assert not verify(payload + b" ", signature)


def test_every_single_character_change_of_the_signature_fails():
    payload = canonical_payload(PAYLOAD)
    signature = sign(payload)
    for i, char in enumerate(signature):
        for replacement in ("A", "B", "_"):
            if replacement != char:
                tampered = signature[:i] + replacement + signature[i + 1 :]
                assert not verify(payload, tampered), (i, replacement)


@pytest.mark.parametrize(
    "signature",
    ["", "!!!", "a" * 85, "a" * 87, "a" * 86 + "==", "a" * 40 + " " + "a" * 45, None, 123, b"abc", "é" * 86],
)
def test_malformed_signature_is_false_not_an_error(signature):
    assert verify(canonical_payload(PAYLOAD), signature) is False


def test_malformed_payload_or_key_is_false_not_an_error():
    payload = canonical_payload(PAYLOAD)
    signature = sign(payload)
    assert verify(payload.decode(), signature) is False
    assert verify(None, signature) is False
    assert verify(payload, signature, public_key="not a key") is False
    assert verify(payload, signature, public_key="键") is False
    assert verify(payload, signature, public_key=b"\x00\x01") is False


def test_another_key_does_not_verify_but_the_published_one_does():
    payload = canonical_payload(PAYLOAD)
    signature = sign(payload)
    assert verify(payload, signature, public_key=public_key_pem())
    assert verify(payload, signature, public_key=public_key_pem().encode())
    assert not verify(payload, signature, public_key=Ed25519PrivateKey.generate().public_key())


def test_key_id_is_the_start_of_the_public_key_hash(key_dir):
    key = load_or_create_key(key_dir)
    assert key_id() == hashlib.sha256(_raw_public(key)).hexdigest()[:16]
    assert public_key_pem().startswith("-----BEGIN PUBLIC KEY-----")


def test_key_file_is_private_created_once_and_reused(key_dir):
    first = load_or_create_key(key_dir)
    path = key_dir / KEY_FILENAME
    content, mtime = path.read_bytes(), path.stat().st_mtime_ns

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_dir.stat().st_mode) == 0o700
    assert content.startswith(b"-----BEGIN PRIVATE KEY-----")  # PKCS#8
    second = load_or_create_key(key_dir)
    assert _raw_public(second) == _raw_public(first)
    assert path.read_bytes() == content and path.stat().st_mtime_ns == mtime
    assert os.listdir(key_dir) == [KEY_FILENAME]  # no temporary files left


def test_signatures_survive_a_restart(key_dir):
    payload = canonical_payload(PAYLOAD)
    signature, kid = sign(payload), key_id()
    signing._cached_key.cache_clear()  # as a new process would
    assert key_id() == kid
    assert verify(payload, signature)


def test_an_existing_key_is_never_replaced(key_dir):
    key_dir.mkdir(mode=0o700)
    existing = Ed25519PrivateKey.generate()
    pem = existing.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    (key_dir / KEY_FILENAME).write_bytes(pem)
    assert _raw_public(load_or_create_key(key_dir)) == _raw_public(existing)
    assert (key_dir / KEY_FILENAME).read_bytes() == pem


def test_a_corrupt_key_file_is_an_error_and_left_alone(key_dir, monkeypatch):
    monkeypatch.setattr(signing, "_PARTIAL_KEY_RETRIES", 1)
    key_dir.mkdir(mode=0o700)
    (key_dir / KEY_FILENAME).write_bytes(b"garbage")
    with pytest.raises(KeyFileError):
        load_or_create_key(key_dir)
    assert (key_dir / KEY_FILENAME).read_bytes() == b"garbage"


def _public_key_in_child(key_dir: str, start_at: float) -> bytes:
    time.sleep(max(0.0, start_at - time.time()))  # let all processes race at once
    return _raw_public(load_or_create_key(key_dir))


def test_processes_starting_together_agree_on_one_key(key_dir):
    context = multiprocessing.get_context("spawn")
    with context.Pool(6) as pool:
        start_at = time.time() + 1.5
        keys = pool.starmap(_public_key_in_child, [(str(key_dir), start_at)] * 6)
    assert len(set(keys)) == 1
    assert keys[0] == _raw_public(load_or_create_key(key_dir))
    assert os.listdir(key_dir) == [KEY_FILENAME]
