"""The reviewer's decision form: a conclusion and the reason that goes into the record."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from banquan.applications import states


def decision_choices(allowed: list[str] | None = None) -> list[tuple[str, Any]]:
    names = [d for d in states.DECISIONS if allowed is None or d in allowed]
    return [(d, _(states.ACTIONS[d].label_zh)) for d in names]


class DecisionForm(forms.Form):
    # Any of the three is accepted: when the state does not allow one, the state machine's
    # message ("申请当前状态为…") says why, which is clearer than "invalid choice".
    decision = forms.ChoiceField(
        label=_("审查结论"), widget=forms.RadioSelect, choices=decision_choices,
        error_messages={"required": _("请选择审查结论。"), "invalid_choice": _("请选择审查结论。")},
    )
    reason = forms.CharField(
        label=_("理由"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000,
        error_messages={"required": _("请填写理由：它将写入审查记录并告知申请人。")},
    )


def special_decision_choices() -> list[tuple[str, Any]]:
    return [(d, _(states.ACTIONS[d].label_zh)) for d in states.SPECIAL_DECISIONS]


class SpecialDecisionForm(forms.Form):
    """The special review group's second decision: approve, return to the reviewer, reject."""

    decision = forms.ChoiceField(
        label=_("专项复审结论"), widget=forms.RadioSelect, choices=special_decision_choices,
        error_messages={"required": _("请选择专项复审结论。"), "invalid_choice": _("请选择专项复审结论。")},
    )
    reason = forms.CharField(
        label=_("理由"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000,
        error_messages={"required": _("请填写理由：它将写入审查记录。")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "special_%s")
        super().__init__(*args, **kwargs)


class SpecialReviewRequestForm(forms.Form):
    """A reviewer sends an application to special review (送专项复审)."""

    reason = forms.CharField(
        label=_("送专项复审的理由"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000,
        error_messages={"required": _("请填写送专项复审的理由。")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "send_%s")
        super().__init__(*args, **kwargs)
