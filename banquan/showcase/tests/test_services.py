"""Consent, curation and what the public sees (services and queries, on the real database)."""

import pytest

from banquan.core.errors import DomainError, NotFound, PermissionDenied
from banquan.ledger import services as ledger
from banquan.records import services as records
from banquan.showcase import queries, services
from banquan.showcase.models import Feature

pytestmark = pytest.mark.django_db


def _images(reg):
    return list(queries.image_samples(reg))


def _feature(registrar, reg, **kw):
    values = {"blurb": "水墨长卷，四季山水。", "sample_ids": [_images(reg)[0].pk], "published": True} | kw
    return services.feature(by=registrar, number=reg.number, **values)


def test_a_work_needs_its_owners_consent(work, applicant, registrar):
    with pytest.raises(DomainError, match="尚未同意"):
        _feature(registrar, work)
    services.give_consent(applicant=applicant, number=work.number)
    _feature(registrar, work)
    assert [f.registration for f in queries.visible()] == [work]


def test_only_the_owner_gives_consent(work, other_applicant, registrar):
    with pytest.raises(NotFound):
        services.give_consent(applicant=other_applicant, number=work.number)
    with pytest.raises(NotFound):
        services.give_consent(applicant=registrar, number=work.number)


def test_withdrawal_hides_at_once_and_needs_a_new_publication(work, applicant, registrar):
    services.give_consent(applicant=applicant, number=work.number)
    _feature(registrar, work)
    services.withdraw_consent(applicant=applicant, number=work.number)
    assert not queries.visible().exists()
    assert Feature.objects.get(registration=work).published is False
    services.give_consent(applicant=applicant, number=work.number)
    assert not queries.visible().exists()  # consent again does not put it back by itself
    services.set_published(by=registrar, number=work.number, published=True)
    assert queries.visible().count() == 1
    actions = [e.action for e in ledger.history(work.subject)]
    assert actions.count("showcase_consent") == 2 and "showcase_withdraw" in actions
    assert "showcase_publish" in actions and "showcase_feature" in actions


def test_revocation_hides_the_work_and_refuses_new_consent(work, applicant, registrar):
    services.give_consent(applicant=applicant, number=work.number)
    _feature(registrar, work)
    records.set_rights_status(registration_id=work.pk, status="revoked", by=registrar, reason="撤销登记")
    assert not queries.visible().exists()
    assert queries.shown(work.number) is None
    with pytest.raises(DomainError, match="已撤销"):
        services.set_published(by=registrar, number=work.number, published=True)
    services.withdraw_consent(applicant=applicant, number=work.number)
    with pytest.raises(DomainError, match="已撤销"):
        services.give_consent(applicant=applicant, number=work.number)


def test_only_staff_registrars_curate(work, applicant, reviewer):
    services.give_consent(applicant=applicant, number=work.number)
    for user in (applicant, reviewer):
        with pytest.raises(PermissionDenied):
            _feature(user, work)


def test_feature_checks_text_and_images(work, applicant, registrar, clock, reviewer):
    from banquan.testing import factories

    services.give_consent(applicant=applicant, number=work.number)
    other = factories.registered(applicant, reviewer, title="别的作品")
    with pytest.raises(DomainError, match="简介不能超过"):
        _feature(registrar, work, blurb="山" * 201)
    with pytest.raises(DomainError, match="自己的图片"):
        _feature(registrar, work, sample_ids=[_images(other)[0].pk])
    assert not Feature.objects.exists()  # nothing half-written


def test_order_follows_position(clock, applicant, reviewer, registrar):
    from banquan.showcase.tests.conftest import registered_with_two_images

    first, second = (registered_with_two_images(applicant, reviewer, title=t) for t in ("春山图", "秋水图"))
    for reg, position in ((first, 20), (second, 10)):
        services.give_consent(applicant=applicant, number=reg.number)
        _feature(registrar, reg, position=position)
    assert [f.registration.number for f in queries.visible()] == [second.number, first.number]
    services.remove(by=registrar, number=second.number)
    assert [f.registration.number for f in queries.visible()] == [first.number]
