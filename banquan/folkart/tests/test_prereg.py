"""Filing, review and conversion through the services, on the real database."""

import io

import pytest

from banquan.applications.models import Application
from banquan.core.errors import DomainError, InvalidTransition, NotFound, PermissionDenied, ValidationFailed
from banquan.core.storage import store
from banquan.folkart import convert, media, services
from banquan.folkart.models import FolkItem
from banquan.folkart.tests.conftest import INHERITORS, add_png, file_item, item_values
from banquan.ledger.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_filing_gives_consecutive_numbers_per_year(clock, applicant, other_applicant):
    first = file_item(applicant)
    second = file_item(other_applicant, name="鼓子秧歌", category="dance")
    assert (first.number, second.number) == ("民预登-2026-000001", "民预登-2026-000002")
    assert first.status == "filed" and first.filer_name == str(applicant)
    assert [i.name for i in first.inheritors.all()] == ["韩秀兰"]
    clock.at = clock.at.replace(year=2027, month=1, day=5)
    assert file_item(applicant).number == "民预登-2027-000001"
    assert AuditEntry.objects.filter(subject=first.subject, action="file").exists()


def test_bad_input_is_refused_whole(clock, applicant):
    with pytest.raises(ValidationFailed) as e:
        services.file(applicant=applicant, values=item_values(name="", category="nope"),
                      inheritors=[{"name": "王", "level": "x"}])
    assert set(e.value.errors) == {"name", "category", "inheritors.0.level"}
    assert not FolkItem.objects.exists()
    assert file_item(applicant).number == "民预登-2026-000001"  # the refused filing used no number


def test_only_applicants_file(clock, reviewer):
    with pytest.raises(PermissionDenied):
        file_item(reviewer)


def test_return_needs_a_reason_then_resubmit_and_accept(filed, applicant, reviewer):
    with pytest.raises(ValidationFailed) as e:
        services.decide(officer=reviewer, item_id=filed.pk, decision="return", reason=" ")
    assert "reason" in e.value.errors
    services.decide(officer=reviewer, item_id=filed.pk, decision="return", reason="请补充传承谱系。")
    item = services.update(applicant=applicant, item_id=filed.pk, values=item_values(history="新的渊源"),
                           inheritors=INHERITORS + [{"name": "韩小梅", "level": "none", "generation": 5}])
    assert item.inheritors.count() == 2
    services.resubmit(applicant=applicant, item_id=filed.pk)
    item = services.decide(officer=reviewer, item_id=filed.pk, decision="accept")
    assert item.status == "accepted" and item.decided_by == reviewer
    actions = list(AuditEntry.objects.filter(subject=item.subject).values_list("action", flat=True))
    assert actions == ["file", "return", "update", "resubmit", "accept"]
    with pytest.raises(InvalidTransition):
        services.update(applicant=applicant, item_id=filed.pk, values=item_values(), inheritors=[])


def test_applicants_cannot_decide_and_others_cannot_see(filed, applicant, other_applicant):
    with pytest.raises(PermissionDenied):
        services.decide(officer=applicant, item_id=filed.pk, decision="accept")
    with pytest.raises(NotFound):
        services.update(applicant=other_applicant, item_id=filed.pk, values=item_values(), inheritors=[])


def test_rejected_is_final(filed, reviewer):
    services.decide(officer=reviewer, item_id=filed.pk, decision="reject", reason="不属于民间文艺。")
    with pytest.raises(InvalidTransition):
        services.decide(officer=reviewer, item_id=filed.pk, decision="accept")


def test_media_checked_like_samples(filed, applicant):
    m = add_png(applicant, filed)
    assert m.media_type == "image" and store().exists(m.blob_key)
    with pytest.raises(DomainError) as e:  # a PNG named .jpg
        data = store().read(m.blob_key)
        media.add(user=applicant, item_id=filed.pk, name="fake.jpg", file=io.BytesIO(data), size=len(data))
    assert "扩展名与内容不符" in e.value.message
    with pytest.raises(DomainError) as e:
        media.add(user=applicant, item_id=filed.pk, name="a.pdf", file=io.BytesIO(b"%PDF-1.4\n%x\n"), size=12)
    assert "图片、音频或视频" in e.value.message
    assert filed.media.count() == 1


def test_conversion_makes_one_linked_draft_with_the_images(filed, applicant, reviewer):
    add_png(applicant, filed)
    accepted = services.decide(officer=reviewer, item_id=filed.pk, decision="accept")
    with pytest.raises(InvalidTransition):  # decided: the applicant adds no more media
        add_png(applicant, accepted, name="late.png")
    app = convert.convert(applicant=applicant, item_id=accepted.pk)
    assert app.status == "draft" and app.title == "历城剪纸" and app.category == "fine_art"
    assert app.completion_city == "山东省济南市" and [a.name for a in app.authors.all()] == ["韩秀兰"]
    sample = app.samples.get()
    assert sample.role == "sample" and sample.blob_key != accepted.media.get().blob_key
    assert store().read(sample.blob_key) == store().read(accepted.media.get().blob_key)
    accepted.refresh_from_db()
    assert accepted.application == app and app.folk_item == accepted
    with pytest.raises(InvalidTransition) as e:
        convert.convert(applicant=applicant, item_id=accepted.pk)
    assert app.reference in e.value.message and "已转为正式登记申请" in e.value.message
    assert Application.objects.count() == 1


def test_only_accepted_items_of_ones_own_convert(filed, applicant, other_applicant, reviewer):
    with pytest.raises(InvalidTransition):
        convert.convert(applicant=applicant, item_id=filed.pk)
    services.decide(officer=reviewer, item_id=filed.pk, decision="accept")
    with pytest.raises(NotFound):
        convert.convert(applicant=other_applicant, item_id=filed.pk)
    assert not Application.objects.exists()


def test_staff_enter_library_items_directly(clock, registrar, reviewer):
    item = services.add_to_library(editor=registrar, values=item_values(name="面塑"), inheritors=[])
    assert item.status == "accepted" and item.number is None and item.applicant is None
    with pytest.raises(PermissionDenied):
        services.add_to_library(editor=reviewer, values=item_values(), inheritors=[])
