"""Writers for the public content staff keep: the offline service stations directory and
policy articles (政策法规、政策解读). Used by the admin and the demo; each change is audited."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from banquan.accounts.models import User
from banquan.core import clock
from banquan.core.errors import NotFound, PermissionDenied, ValidationFailed
from banquan.folkart import access, geo
from banquan.folkart.models import PolicyArticle, ServiceStation
from banquan.ledger import services as ledger

STATION_FIELDS = ("name", "address", "phone", "hours", "latitude", "longitude", "services", "active", "position")
REQUIRED = {"name": "请填写服务站名称。", "address": "请填写地址。"}


def _editor(user: User) -> None:
    if not access.is_editor(user):
        raise PermissionDenied(_("只有登记管理员可以维护服务站和政策文章。"))


def clean_station(values: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    clean = dict(values)
    for k in ("name", "address", "phone", "hours", "services"):
        clean[k] = str(values.get(k) or "").strip()
    for k, message in REQUIRED.items():
        if not clean[k]:
            errors[k] = [_(message)]
    for k in ("latitude", "longitude"):
        try:
            clean[k] = geo.parse_coordinate(values.get(k, ""), field=k)
        except geo.BadCoordinate as e:
            errors[k] = [_(e.message)]
    if errors:
        raise ValidationFailed(errors)
    return {k: v for k, v in clean.items() if k in STATION_FIELDS}


@transaction.atomic
def save_station(*, editor: User, values: dict[str, Any], station_id: int | None = None) -> ServiceStation:
    _editor(editor)
    clean = clean_station(values)
    if station_id is None:
        station = ServiceStation.objects.create(**clean)
        action = "create_station"
    else:
        station = ServiceStation.objects.select_for_update().filter(pk=station_id).first()  # type: ignore[assignment]
        if station is None:
            raise NotFound(_("服务站不存在。"))
        for k, v in clean.items():
            setattr(station, k, v)
        station.save()
        action = "update_station"
    ledger.record(actor=editor, subject=station.subject, action=action,
                  data={"name": station.name, "lat": str(station.latitude), "lon": str(station.longitude)})
    return station


@transaction.atomic
def save_policy(*, editor: User, kind: str, title: str, body: str, source: str = "",
                published_on: dt.date | None = None, publish: bool = False,
                article_id: int | None = None) -> PolicyArticle:
    """Write or change an article; ``publish`` sets today's date when none is given."""
    _editor(editor)
    errors: dict[str, list[str]] = {}
    if not title.strip():
        errors["title"] = [_("请填写标题。")]
    if not body.strip():
        errors["body"] = [_("请填写正文。")]
    if kind not in PolicyArticle.Kind.values:
        errors["kind"] = [_("未知的栏目。")]
    if errors:
        raise ValidationFailed(errors)
    if publish and published_on is None:
        published_on = clock.today()
    article = PolicyArticle.objects.filter(pk=article_id).first() if article_id else None
    if article_id and article is None:
        raise NotFound(_("文章不存在。"))
    article = article or PolicyArticle(author=editor)
    article.kind, article.title, article.body = kind, title.strip()[:200], body.strip()
    article.source, article.published_on = source.strip()[:200], published_on
    article.save()
    ledger.record(actor=editor, subject=article.subject, action="save_policy",
                  data={"title": article.title, "published_on": str(published_on or "")})
    return article
