"""The demo seed: every role, category, status and rights status; idempotent; bulk load."""

import io
import random
from urllib.parse import quote

import pytest
from django.test import Client

from banquan.accounts.models import Role, User
from banquan.applications import categories, idnumbers
from banquan.applications.choices import Status
from banquan.applications.models import Application, Owner, Sample
from banquan.certificates import services as certificates
from banquan.certificates.models import Certificate
from banquan.core import clock
from banquan.demo import accounts as demo_accounts
from banquan.demo import bulk, people, seed
from banquan.ledger.models import AuditEntry
from banquan.records import numbering, search
from banquan.records import services as records
from banquan.records.models import Registration, SearchGram, SerialCounter


@pytest.fixture
def fast(settings, tmp_path):
    # Argon2 is slow on purpose; the demo's nine accounts do not need it in tests.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.DATA_DIR = tmp_path
    return tmp_path


def test_seed(db, fast):
    """One seed (a few seconds), every property checked on it."""
    out = io.StringIO()
    seed.run(print_accounts=True, out=out)
    output = out.getvalue()
    check_every_role_has_an_account(output)
    check_accounts_file_is_private(output, fast)
    check_every_category_has_a_registered_work()
    check_every_status_but_the_transient_approved()
    check_every_rights_status()
    check_deadlines_are_relative_to_today()
    check_owners_have_valid_identity_numbers()
    check_bulk_snapshot_matches_the_service()
    check_software_demo()
    check_second_run_changes_nothing(output)


def _counts() -> dict[str, int]:
    return {m.__name__: m.objects.count()
            for m in (User, Application, Sample, Registration, Certificate, AuditEntry, SearchGram)}


def check_every_role_has_an_account(output: str):
    roles = set(User.objects.filter(username__startswith="demo-").values_list("role", flat=True))
    assert roles == set(Role.values)
    registrar = User.objects.get(username="demo-registrar")
    assert registrar.is_staff and registrar.check_password(_password(output, "demo-registrar"))
    kinds = set(User.objects.filter(role=Role.APPLICANT).values_list("applicant_kind", flat=True))
    assert kinds == {"person", "organization", "agent"}


def _password(output: str, username: str) -> str:
    line = next(line for line in output.splitlines() if line.startswith(username + " "))
    return line.split()[3]


def check_accounts_file_is_private(output: str, data_dir):
    path = data_dir / demo_accounts.ACCOUNTS_FILE
    assert path.stat().st_mode & 0o777 == 0o600
    assert _password(path.read_text(), "demo-bank") == _password(output, "demo-bank")


def check_every_category_has_a_registered_work():
    assert (set(Registration.objects.values_list("category", flat=True))
            == {c.code for c in categories.CATEGORIES} | {"software"})
    assert not Registration.objects.filter(certificates__isnull=True).exists()


def check_every_status_but_the_transient_approved():
    present = set(Application.objects.values_list("status", flat=True))
    assert present == set(Status.values) - {Status.APPROVED}


def check_every_rights_status():
    present = set(Registration.objects.values_list("rights_status", flat=True))
    assert {"valid", "pledged", "seized", "revoked", "superseded"} <= present
    old = Registration.objects.get(rights_status="superseded")
    assert old.superseded_by is not None and old.superseded_by.title == old.title
    assert not Registration.objects.exclude(rights_status="valid").filter(status_reason="").exists()


def check_deadlines_are_relative_to_today():
    today = clock.today()
    running = Application.objects.filter(status__in=["accepted", "in_review", "resubmitted"])
    assert running.filter(deadline__lt=today).count() >= 2  # overdue
    assert running.filter(deadline__gte=today).count() >= 3  # due soon or on time
    paused = Application.objects.get(status="correction_requested")
    assert paused.deadline is None  # the clock stops while the applicant corrects


def check_owners_have_valid_identity_numbers():
    for owner in Owner.objects.all():
        assert idnumbers.problem(owner.id_type, owner.id_number) is None, owner.name


def check_second_run_changes_nothing(output: str):
    before = _counts()
    out = io.StringIO()
    seed.run(print_accounts=True, out=out)
    assert _counts() == before
    assert "nothing was changed" in out.getvalue()
    assert _password(out.getvalue(), "demo-applicant") == _password(output, "demo-applicant")


def check_bulk_snapshot_matches_the_service():
    app = Registration.objects.filter(category="written").first().application
    assert bulk.snapshot(app, list(app.authors.all()), list(app.owners.all())) == records.snapshot(app)


def check_software_demo():
    """A registered program, a disguised copy by another owner in review with the copy found,
    and a draft whose deposit materials are built and pass the checker."""
    from banquan.software.models import CopyFinding, DepositMaterial

    software = Registration.objects.get(category="software")
    copy = CopyFinding.objects.get()
    assert copy.registration == software and copy.score > 0.8 and copy.application.status == "accepted"
    draft = Application.objects.get(procedure="software", status="draft")
    assert {(m.kind, m.status, tuple(m.problems)) for m in DepositMaterial.objects.filter(application=draft)} == {
        ("program", "ready", ()), ("documentation", "ready", ())}


def test_bulk_load_is_searchable_and_verifiable(db, fast):
    assert bulk.ensure(50, batch=20) == 50
    regs = list(Registration.objects.select_related("application"))
    assert len(regs) == 50
    for reg in regs:
        assert numbering.parse_number(reg.number) == (reg.year, reg.letter, reg.serial)
        assert reg.application.status == "registered" and reg.year < clock.today().year
        grams = set(SearchGram.objects.filter(registration=reg).values_list("gram", flat=True))
        assert grams == bulk.search_bigrams(reg) and len(grams) > 10
        cert = certificates.current(reg)
        assert certificates.signature_valid(cert)
        assert cert.verify_url == certificates.verify_url(reg.number, cert.signature)
    for counter in SerialCounter.objects.all():
        serials = sorted(Registration.objects.filter(year=counter.year, letter=counter.letter)
                         .values_list("serial", flat=True))
        assert serials == list(range(1, counter.last + 1))  # gap-free, counter up to date
    for owner in Owner.objects.all():
        assert idnumbers.problem(owner.id_type, owner.id_number) is None
    # Found by the public search and confirmed by the public API, as a QR scan would.
    reg = regs[7]
    assert reg in search.search(reg.title, limit=100)[0]
    assert reg in search.search(reg.data["owners"][0]["name"], limit=100)[0]
    cert = certificates.current(reg)
    body = Client().get(f"/api/v1/registrations/{quote(reg.number)}", {"s": cert.signature}).json()
    assert body["signature_valid"] is True and body["number"] == reg.number
    assert bulk.ensure(50) == 0  # already there
    assert bulk.ensure(60, batch=7) == 10


def test_generated_numbers_pass_the_checks():
    rng = random.Random(1)
    for _ in range(500):
        place = rng.choice(people.PLACES)
        assert idnumbers.problem("resident_id", people.random_person(rng)["id_number"]) is None
        assert idnumbers.problem("uscc", people.random_uscc(rng, place)) is None
