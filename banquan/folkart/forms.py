"""Forms of the folk-art pages. They only parse; the rules are in ``inputs`` and ``services``,
whose field problems are placed back on these forms by ``show_problems``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from banquan.core.errors import DomainError, ValidationFailed
from banquan.folkart import categories
from banquan.folkart.inputs import ITEM_FIELDS


class ItemForm(forms.Form):
    name = forms.CharField(label=_("项目名称"), max_length=200)
    category = forms.ChoiceField(label=_("民间文艺类别"),
                                 choices=[("", "—")] + [(k, _(v)) for k, v in categories.CHOICES])
    province = forms.CharField(label=_("省份"), max_length=32, initial="山东省")
    city = forms.CharField(label=_("城市"), max_length=32, required=False, initial="济南市")
    district = forms.CharField(label=_("区县"), max_length=32, required=False, initial="历城区")
    community = forms.CharField(label=_("所属社区或群体"), max_length=200, required=False,
                                help_text=_("例如：某村秧歌队、某街道剪纸协会"))
    filer_name = forms.CharField(label=_("申报主体"), max_length=200, required=False,
                                 help_text=_("个人或组织名称；不填则为账户名称"))
    description = forms.CharField(label=_("项目简介"), widget=forms.Textarea)
    history = forms.CharField(label=_("历史渊源"), widget=forms.Textarea, required=False)

    def values(self) -> dict:
        return {k: self.cleaned_data.get(k, "") for k in ITEM_FIELDS}


class InheritorForm(forms.Form):
    name = forms.CharField(label=_("传承人姓名"), max_length=100, required=False)
    level = forms.ChoiceField(label=_("认定级别"), choices=[(k, _(v)) for k, v in categories.INHERITOR_LEVELS],
                              initial="none", required=False)
    generation = forms.IntegerField(label=_("传承代数"), min_value=1, max_value=99, required=False)


InheritorFormSet = forms.formset_factory(InheritorForm, extra=3, max_num=20, validate_max=True)


def inheritor_rows(formset) -> list[dict]:
    """Every row in form order (blank ones too), so problem paths keep their row numbers."""
    return [getattr(f, "cleaned_data", None) or {} for f in formset.forms]


class MediaForm(forms.Form):
    file = forms.FileField(label=_("图片、音频或视频"))
    caption = forms.CharField(label=_("说明"), max_length=200, required=False)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("审核结论"), choices=[
        ("accept", _("入库")), ("return", _("退回补正")), ("reject", _("不予入库"))])
    reason = forms.CharField(label=_("审核意见"), widget=forms.Textarea, required=False,
                             help_text=_("退回补正或不予入库时必填"))


def show_problems(error: DomainError, item_form, formset=None) -> None:
    """Put a service's refusal beside its field (``inheritors.N.field`` on row N)."""
    problems = error.errors if isinstance(error, ValidationFailed) else {error.field or "__all__": [error.message]}
    for path, messages in problems.items():
        head, _dot, rest = path.partition(".")
        for message in messages:
            if head == "inheritors" and formset is not None and rest:
                index, _dot2, field = rest.partition(".")
                target = formset.forms[int(index)] if index.isdigit() and int(index) < len(formset.forms) else None
                if target is not None and field in target.fields:
                    target.add_error(field, message)
                    continue
            item_form.add_error(head if head in item_form.fields else None, message)
