"""Showcase services: owners give and withdraw consent; registrars feature, publish and remove
works. Each runs in one transaction and writes an audit entry on the registration."""

from django.db import transaction

from banquan.accounts.models import Role, User
from banquan.core import clock
from banquan.core.errors import DomainError, NotFound, PermissionDenied
from banquan.ledger import services as ledger
from banquan.records.models import Registration
from banquan.showcase import queries, rules
from banquan.showcase.models import Consent, Feature, FeatureImage


def _own_registration(applicant: User, number: str) -> Registration:
    reg = (Registration.objects.select_for_update()
           .filter(number=number, application__applicant=applicant).first()
           if applicant.role == Role.APPLICANT else None)
    if reg is None:
        raise NotFound("未找到您名下的该登记。")
    return reg


def _curator(user: User) -> None:
    if not (user.is_active and user.is_staff and user.is_registrar):
        raise PermissionDenied("只有登记机构工作人员可以管理精选作品。")


@transaction.atomic
def give_consent(*, applicant: User, number: str) -> Consent:
    """The owner agrees that the office may show the work in the showcase."""
    reg = _own_registration(applicant, number)
    rules.check_showable(reg.rights_status)
    consent = Consent.objects.filter(registration=reg).first()
    if consent is not None and consent.active:
        return consent
    now = clock.now()
    if consent is None:
        consent = Consent.objects.create(registration=reg, given_by=applicant, given_at=now)
    else:
        consent.given_by, consent.given_at, consent.withdrawn_at = applicant, now, None
        consent.save(update_fields=["given_by", "given_at", "withdrawn_at"])
    ledger.record(actor=applicant, subject=reg.subject, action="showcase_consent", to_state="consented")
    return consent


@transaction.atomic
def withdraw_consent(*, applicant: User, number: str) -> Consent:
    """The owner withdraws consent: the work leaves the showcase at once and stays unpublished
    until the office publishes it again after a new consent."""
    reg = _own_registration(applicant, number)
    consent = Consent.objects.filter(registration=reg, withdrawn_at__isnull=True).first()
    if consent is None:
        raise DomainError("该作品没有展示授权。")
    consent.withdrawn_at = clock.now()
    consent.save(update_fields=["withdrawn_at"])
    Feature.objects.filter(registration=reg).update(published=False)
    ledger.record(actor=applicant, subject=reg.subject, action="showcase_withdraw",
                  from_state="consented", to_state="withdrawn")
    return consent


def _showable(number: str) -> Registration:
    reg = Registration.objects.select_for_update().filter(number=number).first()
    if reg is None:
        raise NotFound("未找到该登记号。")
    rules.check_showable(reg.rights_status)
    if not queries.consented(reg):
        raise DomainError("著作权人尚未同意展示该作品。")
    return reg


@transaction.atomic
def feature(*, by: User, number: str, blurb: str, sample_ids: list[int], position: int = 100,
            published: bool = False) -> Feature:
    """Feature a consented, valid work (or change its feature): text, images, order, publication."""
    _curator(by)
    reg = _showable(number)
    text = rules.clean_blurb(blurb)
    allowed = set(queries.image_samples(reg).values_list("pk", flat=True))
    images = rules.check_images(sample_ids, allowed)
    if position < 0:
        raise DomainError("排序不能为负数。", field="position")
    now = clock.now()
    item = Feature.objects.filter(registration=reg).first() or Feature(registration=reg)
    created = item.pk is None
    was_published = item.published
    item.blurb, item.position, item.published = text, position, published
    item.updated_by, item.updated_at = by, now
    if published and not was_published:
        item.published_at = now
    item.save()
    FeatureImage.objects.filter(feature=item).delete()
    FeatureImage.objects.bulk_create(FeatureImage(feature=item, sample_id=pk, position=i)
                                     for i, pk in enumerate(images))
    ledger.record(actor=by, subject=reg.subject, action="showcase_feature" if created else "showcase_edit",
                  from_state=_state(was_published) if not created else "", to_state=_state(published),
                  data={"blurb": text, "samples": images, "position": position})
    return item


@transaction.atomic
def set_published(*, by: User, number: str, published: bool) -> Feature:
    _curator(by)
    reg = _showable(number) if published else Registration.objects.filter(number=number).first()
    item = Feature.objects.select_for_update().filter(registration=reg).first() if reg else None
    if item is None:
        raise NotFound("该作品不在精选中。")
    if item.published != published:
        now = clock.now()
        ledger.record(actor=by, subject=item.registration.subject,
                      action="showcase_publish" if published else "showcase_unpublish",
                      from_state=_state(item.published), to_state=_state(published))
        item.published, item.updated_by, item.updated_at = published, by, now
        if published:
            item.published_at = now
        item.save(update_fields=["published", "updated_by", "updated_at", "published_at"])
    return item


@transaction.atomic
def remove(*, by: User, number: str) -> None:
    _curator(by)
    item = Feature.objects.select_related("registration").filter(registration__number=number).first()
    if item is None:
        raise NotFound("该作品不在精选中。")
    ledger.record(actor=by, subject=item.registration.subject, action="showcase_remove",
                  from_state=_state(item.published), to_state="removed")
    item.delete()


def _state(published: bool) -> str:
    return "published" if published else "unpublished"
