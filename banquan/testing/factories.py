"""factory_boy factories with named states: a complete draft, a submitted application, a
registered work. States are reached through the real services, never by setting fields."""

import datetime as dt
import io

import factory
from PIL import Image

from banquan.accounts.models import User
from banquan.applications import services as applications
from banquan.review import services as review

PASSWORD = "banquan-test-pw"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    display_name = factory.Sequence(lambda n: f"测试用户{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.cn")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def png_bytes(color=(200, 30, 30), size=(64, 48)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "PNG")
    return buf.getvalue()


# A valid 居民身份证 number (check digit correct) for tests.
VALID_ID = "11010519491231002X"


def complete_fields(**overrides) -> dict:
    fields = {
        "title": "山水长卷",
        "category": "fine_art",
        "nature": "original",
        "completion_date": dt.date(2026, 3, 1),
        "completion_country": "中国",
        "completion_city": "北京市",
        "publication": "published",
        "first_publication_date": dt.date(2026, 5, 1),
        "first_publication_country": "中国",
        "first_publication_city": "上海市",
        "creation_mode": "independent",
        "acquisition": "original",
        "rights_scope": "all",
        "purpose": "记录家乡山水。",
        "process": "2025 年冬开始写生，2026 年春完成。",
        "originality": "以水墨长卷表现四季变化，构图与笔法均为独立创作。",
    }
    fields.update(overrides)
    return fields


def authors(n: int = 1) -> list[dict]:
    return [{"name": f"张{'三四五六'[i]}", "signature": f"山人{i}"} for i in range(n)]


def owners() -> list[dict]:
    return [{"kind": "person", "name": "张三", "id_type": "resident_id", "id_number": VALID_ID,
             "nationality": "中国", "province": "北京市", "city": "北京市", "address": "朝阳区建国路 1 号"}]


def draft(applicant: User, *, with_sample: bool = True, **overrides):
    app = applications.create_draft(applicant=applicant, fields=complete_fields(**overrides),
                                    authors=authors(), owners=owners())
    if with_sample:
        data = png_bytes()
        applications.add_sample(applicant=applicant, app_id=app.pk, name="sample.png",
                                file=io.BytesIO(data), size=len(data))
    return app


def submitted(applicant: User, **overrides):
    app = draft(applicant, **overrides)
    return applications.submit(applicant=applicant, app_id=app.pk)


def in_review(applicant: User, reviewer: User, **overrides):
    app = submitted(applicant, **overrides)
    review.accept(reviewer=reviewer, app_id=app.pk)
    return review.start_review(reviewer=reviewer, app_id=app.pk)


def registered(applicant: User, reviewer: User, **overrides):
    app = in_review(applicant, reviewer, **overrides)
    return review.approve(reviewer=reviewer, app_id=app.pk, reason="材料齐全，符合登记条件。")
