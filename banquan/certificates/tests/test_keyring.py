"""Rotating the office key: old certificates keep verifying, new ones use the new key."""

from banquan.certificates import keyring, signing
from banquan.certificates import services as certificates
from banquan.cli import main
from banquan.testing import factories


def test_certificates_signed_before_a_rotation_still_verify(db, clock, client, settings, applicant, reviewer):
    old_reg = factories.registered(applicant, reviewer)
    old_cert = certificates.current(old_reg)
    old_id, new_id = keyring.rotate()
    assert old_id == old_cert.key_id != new_id
    assert certificates.signature_valid(old_cert)
    page = client.get(f"/verify/{old_reg.number}?s={old_cert.signature}").content.decode()
    assert "签名有效" in page

    new_reg = factories.registered(applicant, reviewer, title="新作品")
    new_cert = certificates.current(new_reg)
    assert new_cert.key_id == new_id and certificates.signature_valid(new_cert)
    # Only the public half of the retired key is kept.
    retired = list((settings.BANQUAN_KEY_DIR / "retired").iterdir())
    assert [p.name for p in retired] == [f"{old_id}.pub.pem"]
    assert b"PRIVATE" not in retired[0].read_bytes()


def test_unknown_key_id_never_verifies(db, clock, applicant, reviewer):
    cert = certificates.current(factories.registered(applicant, reviewer))
    cert.key_id = "0123456789abcdef"
    assert not certificates.signature_valid(cert)
    cert.key_id = "../../etc/passwd"
    assert not certificates.signature_valid(cert)


def test_cli_rotate_and_show(db, capsys):
    first = signing.key_id()
    assert main(["keys", "rotate"]) == 0
    assert main(["keys", "show"]) == 0
    out = capsys.readouterr().out
    assert f"retired {first}" in out and f"current {signing.key_id()}" in out
    assert signing.key_id() != first
