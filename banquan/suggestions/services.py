"""Offering suggestions and the decisions on them. Only ``accept`` of a category suggestion
changes the application, through ``applications.services.update_draft``, for its applicant
while the form is still editable; every decision is in the audit log."""

import uuid
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from banquan.accounts.models import User
from banquan.applications import categories
from banquan.applications import services as applications
from banquan.applications.models import Application
from banquan.core import clock
from banquan.core.errors import DomainError, InvalidTransition, PermissionDenied
from banquan.ledger import services as ledger
from banquan.suggestions import access, consistency, facts
from banquan.suggestions.models import Kind, Source, State, Suggestion

# Kinds of which one offer at a time makes sense: a new answer replaces the undecided old one.
SINGLE = {Kind.CATEGORY, Kind.SUMMARY}


@transaction.atomic
def offer(*, app_id: int, kind: str, payload: dict[str, Any], model_name: str = "",
          source: str = Source.MODEL, key: str = "") -> Suggestion:
    """A new suggestion, shown until someone decides on it."""
    app = applications.locked(app_id)
    if kind in SINGLE:
        app.suggestions.filter(kind=kind, state=State.OFFERED).delete()
    return Suggestion.objects.create(application=app, kind=kind, source=source, key=key or f"model:{uuid.uuid4().hex}",
                                     payload=payload, model_name=model_name)


@transaction.atomic
def replace_model_remarks(*, app_id: int, remarks: list[dict[str, str]], model_name: str) -> list[Suggestion]:
    """The model's remarks of a new check, in place of the undecided ones of the last check."""
    app = applications.locked(app_id)
    app.suggestions.filter(kind=Kind.INCONSISTENCY, source=Source.MODEL, state=State.OFFERED).delete()
    return [offer(app_id=app.pk, kind=Kind.INCONSISTENCY, payload=r, model_name=model_name) for r in remarks]


def refresh_rules(app: Application) -> None:
    """Bring the rule remarks up to date with the form: new findings are offered, undecided ones
    that no longer apply go away; a dismissed one stays dismissed while it still applies."""
    found = {r.key: r for r in consistency.remarks(**facts.for_rules(app))}
    stored = {s.key: s for s in app.suggestions.filter(source=Source.RULES)}
    stale = [s.pk for k, s in stored.items() if k not in found and s.state == State.OFFERED]
    fresh = [r for k, r in found.items() if k not in stored or stored[k].payload.get("params") != r.params]
    if not stale and not fresh:  # the usual case on every page view: no writes
        return
    try:
        with transaction.atomic():
            Suggestion.objects.filter(pk__in=stale).delete()
            for r in fresh:
                Suggestion.objects.update_or_create(
                    application=app, key=r.key, defaults={
                        "kind": Kind.INCONSISTENCY, "source": Source.RULES,
                        "payload": {"field": r.field, "code": r.code, "template": r.template, "params": r.params}})
    except IntegrityError:  # two page views at once: the other one wrote the same remarks
        pass


def _decided(s: Suggestion, user: User, state: str, reason: str = "", data: dict | None = None) -> Suggestion:
    s.state, s.decided_by, s.decided_at = state, user, clock.now()
    s.save(update_fields=["state", "decided_by", "decided_at"])
    ledger.record(actor=user, subject=s.application.subject, action=f"suggestion_{state}", reason=reason.strip(),
                  data={"suggestion": s.pk, "kind": s.kind, "source": s.source, "model": s.model_name, **(data or {})})
    return s


def _locked(user: User, suggestion_id: int) -> Suggestion:
    visible = access.suggestion_for(user, suggestion_id)  # NotFound for what the user may not see
    return Suggestion.objects.select_for_update().select_related("application").get(pk=visible.pk)


@transaction.atomic
def accept(*, user: User, suggestion_id: int) -> Suggestion:
    s = _locked(user, suggestion_id)
    if s.state == State.ACCEPTED:  # a second click
        return s
    if s.state != State.OFFERED:
        raise DomainError(_("这条建议已被忽略，不能再采纳。"))
    if s.kind == Kind.INCONSISTENCY:
        raise DomainError(_("填写问题提示只能忽略；请直接修改申请表。"))
    if s.kind == Kind.SUMMARY:
        if not access.is_office(user):
            raise PermissionDenied(_("只有审查员可以处理申请摘要。"))
        return _decided(s, user, State.ACCEPTED)
    return _accept_category(s, user)


def _accept_category(s: Suggestion, user: User) -> Suggestion:
    app = applications.locked(s.application_id)
    if app.applicant_id != user.pk:
        raise PermissionDenied(_("只有申请人可以采纳作品类别建议。"))
    if app.status not in applications.EDITABLE:
        raise InvalidTransition(_("申请已提交，不能再采纳类别建议；如需更改类别，请在审查员要求补正时修改。"))
    code = s.payload["category"]
    if code not in categories.BY_CODE:  # the table changed since the offer
        raise DomainError(_("建议的类别已不存在。"))
    before = app.category
    applications.update_draft(applicant=user, app_id=app.pk, fields={"category": code})
    return _decided(s, user, State.ACCEPTED, data={"from": before, "to": code})


@transaction.atomic
def dismiss(*, user: User, suggestion_id: int, reason: str = "") -> Suggestion:
    s = _locked(user, suggestion_id)
    if s.state == State.DISMISSED:
        return s
    if s.state != State.OFFERED:
        raise DomainError(_("这条建议已被采纳，不能再忽略。"))
    if s.kind == Kind.CATEGORY and s.application.applicant_id != user.pk:
        raise PermissionDenied(_("只有申请人可以处理作品类别建议。"))
    return _decided(s, user, State.DISMISSED, reason=reason)


def ask(*, user: User, app: Application):
    """Ask the model: the applicant for a category and a check of the editable form, an office
    user for the reviewer's summary. Refused plainly when the office runs without a model."""
    from banquan.core import llm
    from banquan.suggestions import tasks
    from banquan.suggestions.models import Purpose

    if llm.model() is None:
        raise DomainError(_("本登记机构未配置智能助手（语言模型）。"))
    if access.is_office(user):
        return tasks.schedule(app.pk, purpose=Purpose.SUMMARY, by=user)
    if app.applicant_id != user.pk:
        raise PermissionDenied(_("这不是您的申请。"))
    if app.status not in applications.EDITABLE:
        raise InvalidTransition(_("申请已提交，智能助手只在填写和补正时提供建议。"))
    return tasks.schedule(app.pk, purpose=Purpose.ASSIST, by=user)
