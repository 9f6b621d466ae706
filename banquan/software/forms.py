"""The computer software registration form (计算机软件著作权登记申请表) as Django forms.

As for works, drafts may be incomplete: the form checks formats and the rules of
``software.form`` on what is filled in, ``applications.services.submit()`` checks completeness,
and ``place_errors`` puts the service's errors back beside the fields they concern."""

import re
from typing import Any, cast

from django import forms
from django.db import models
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from banquan.applications import choices as ac
from banquan.applications.forms import OwnerForm, PeopleFormSet, PlainLabels
from banquan.applications.models import Application
from banquan.core import clock
from banquan.software import choices as c
from banquan.software import form as rules
from banquan.software.models import SoftwareDetails
from banquan.software.services import APPLICATION_FIELDS
from banquan.software.softcopy import SoftcopyRefused, parse_redaction

# The sections of the official form, in its order; the owners come after the second one.
SECTIONS: list[tuple[Any, tuple[str, ...]]] = [
    (_("软件基本信息"), ("title", "short_name", "version", "classification", "nature", "modification_note",
                       "earlier_number")),
    (_("开发完成与发表"), ("completion_date", "development_mode", "publication", "first_publication_date",
                          "first_publication_country", "first_publication_city")),
    (_("权利"), ("acquisition", "derived_how", "rights_scope", "rights")),
    (_("软件功能与技术特点"), ("dev_hardware", "run_hardware", "dev_os", "dev_tools", "run_platform",
                              "support_software", "languages", "source_lines", "dev_purpose", "domain",
                              "main_functions", "feature_tags", "tech_features")),
    (_("交存方式"), ("deposit_mode",)),
]
SECTIONS_BEFORE_OWNERS = 2
FIELDS = tuple(name for _title, names in SECTIONS for name in names)
DETAIL_FIELDS = tuple(name for name in FIELDS if name not in APPLICATION_FIELDS)
RADIO_FIELDS = ("classification", "nature", "development_mode", "publication", "acquisition", "derived_how",
                "rights_scope", "deposit_mode")
DATE_FIELDS = ("completion_date", "first_publication_date")
LONG_FIELDS = ("main_functions", "tech_features", "modification_note")
# The shared application row names these for works; the software form calls them otherwise.
LABELS = {"title": _("软件全称"), "completion_date": _("开发完成日期"), "rights": _("拥有的权利")}
# 继受取得 of software: transfer, succession or inheritance (no "other").
DERIVED_HOW = [(v.value, v.label) for v in (ac.DerivedHow.TRANSFER, ac.DerivedHow.SUCCESSION,
                                             ac.DerivedHow.INHERITANCE)]
LANGUAGE_SEPARATORS = re.compile(r"[,，、;；\n]+")
HELP = {
    "title": _("以“软件”“系统”“平台”等结尾，例如“星河智能排课系统”。"),
    "version": _("如 V1.0、V2.1.3。"),
    "modification_note": _("软件作品说明为“修改”时填写。"),
    "earlier_number": _("修改软件的原软件已登记的，填写原登记号。"),
    "derived_how": _("权利取得方式为“继受取得”时选择。"),
    "rights": _("权利范围为“部分”时勾选。"),
    "languages": _("多种语言用逗号或顿号分隔，例如“Python、JavaScript”。"),
    "deposit_mode": _("例外交存用于含有商业秘密的源程序。"),
}


def model_field(name: str) -> models.Field:
    model = Application if name in APPLICATION_FIELDS else SoftwareDetails
    return cast(models.Field, model._meta.get_field(name))


def _without_blank(choices: Any) -> list:
    return [(v, label) for v, label in choices if v != ""]


def _base_field(name: str) -> forms.Field:
    if name == "rights":
        return forms.MultipleChoiceField(choices=c.SoftwareRight.choices, widget=forms.CheckboxSelectMultiple)
    if name == "feature_tags":
        return forms.MultipleChoiceField(choices=c.FeatureTag.choices, widget=forms.CheckboxSelectMultiple)
    if name == "languages":
        return forms.CharField(max_length=300)
    if name == "derived_how":
        return forms.ChoiceField(choices=DERIVED_HOW, widget=forms.RadioSelect)
    field = cast(forms.Field, model_field(name).formfield())
    if name in DATE_FIELDS:
        field.widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    elif name in RADIO_FIELDS:
        radio = cast(forms.ChoiceField, field)
        radio.choices = _without_blank(radio.choices)
        radio.widget = forms.RadioSelect(choices=radio.choices)
    elif name in LONG_FIELDS:
        field.widget = forms.Textarea(attrs={"rows": 3})
    return field


class SoftwareForm(PlainLabels, forms.Form):
    """Every field of the software form; on save they go to the application and its details."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        for name in FIELDS:
            field = _base_field(name)
            field.label = LABELS.get(name, model_field(name).verbose_name)
            field.required = False  # a draft may leave anything empty; submit() checks completeness
            field.help_text = HELP.get(name, "")
            if name in rules.LIMITS:
                field.widget.attrs.update({"maxlength": rules.LIMITS[name], "data-counter": rules.LIMITS[name]})
            self.fields[name] = field

    def clean_languages(self) -> list[str]:
        text = self.cleaned_data.get("languages") or ""
        return [part.strip() for part in LANGUAGE_SEPARATORS.split(text) if part.strip()]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name, messages in rules.field_problems(cleaned, clock.today()).items():
            if name in self.fields and name not in self.errors:  # a format error says enough
                self.add_error(name, messages)
        return cleaned

    def sections(self) -> list[tuple[Any, list]]:
        return [(title, [self[name] for name in names]) for title, names in SECTIONS]

    def service_values(self) -> dict[str, Any]:
        """The cleaned values in the shape ``software.services.create_draft`` takes."""
        values = {}
        for name in FIELDS:
            value = self.cleaned_data.get(name)
            if name in ("rights", "feature_tags", "languages"):
                value = list(value or [])
            elif value is None and name not in DATE_FIELDS and name != "source_lines":
                value = ""
            values[name] = value
        if not values["deposit_mode"]:
            values["deposit_mode"] = c.DepositMode.NORMAL.value
        return values


class NewSoftwareForm(SoftwareForm):
    # Idempotency key: the browser sends the same token however often the button is clicked.
    client_token = forms.UUIDField(widget=forms.HiddenInput, required=False)


def _park_choices() -> list:
    return [("", _("无"))] + [(park, park) for park in c.SOFTWARE_PARKS]


class SoftwareOwnerForm(OwnerForm):
    park = forms.ChoiceField(label=_("所属园区"), choices=_park_choices, required=False)


SoftwareOwnerFormSet = formset_factory(SoftwareOwnerForm, formset=PeopleFormSet, extra=1, can_delete=True,
                                       max_num=50)


def initial_values(app: Application) -> dict[str, Any]:
    values = {name: getattr(app, name) for name in APPLICATION_FIELDS if name in FIELDS}
    values.update({name: getattr(app.software, name) for name in DETAIL_FIELDS})
    values["languages"] = "、".join(values.get("languages") or [])
    return values


def initial_owners(app: Application) -> list[dict[str, Any]]:
    parks = app.software.owner_parks
    return [{**{k: getattr(o, k) for k in OwnerForm.base_fields}, "park": parks.get(str(i), "")}
            for i, o in enumerate(app.owners.all())]


class SoftwareFormBundle:
    """The software form with its owners formset, bound or not, as one unit."""

    def __init__(self, data: Any = None, *, app: Application | None = None, new: bool = False,
                 initial_token: Any = None):
        initial = initial_values(app) if app else {}
        if new:
            initial["client_token"] = initial_token
        self.form = (NewSoftwareForm if new else SoftwareForm)(data, initial=initial)
        self.owners = cast(PeopleFormSet, SoftwareOwnerFormSet(data, prefix="owners",
                                                               initial=initial_owners(app) if app else []))
        self.extra_errors: dict[str, list[str]] = {}  # materials and anything without a field

    def is_valid(self) -> bool:
        return all([self.form.is_valid(), self.owners.is_valid()])

    def service_kwargs(self) -> dict[str, Any]:
        return {"values": self.form.service_values(), "owners": self.owners.rows()}

    def place_errors(self, errors: dict[str, list[str]]) -> None:
        """Show ``ValidationFailed.errors`` (``title``, ``owners.0.id_number``, ``materials.program``)
        beside the inputs they are about."""
        for key, messages in errors.items():
            head, _dot, rest = key.partition(".")
            if head == "owners":
                if not self._place_in_row(rest, messages):
                    self.owners.non_form_errors().extend(messages)
            elif head in self.form.fields:
                self.form.add_error(head, list(messages))
            else:
                self.extra_errors.setdefault(key, []).extend(messages)

    def _place_in_row(self, path: str, messages: list[str]) -> bool:
        index, _dot, field = path.partition(".")
        rows = self.owners.kept_forms()  # row i of the saved list is the i-th kept form
        if not index.isdigit() or int(index) >= len(rows):
            return False
        form = rows[int(index)]
        form.add_error(field if field in form.fields else None, list(messages))
        return True


class MaterialUploadForm(PlainLabels, forms.Form):
    kind = forms.ChoiceField(label=_("材料"), choices=c.MaterialKind.choices, widget=forms.HiddenInput)
    file = forms.FileField(label=_("选择文件"))
    ready_made = forms.BooleanField(label=_("这是已制作好的文档鉴别材料 PDF（不再由系统生成）"), required=False)
    mode = forms.ChoiceField(label=_("交存方式"), required=False,
                             choices=[("", _("按申请表所选"))] + list(c.DepositMode.choices))
    start_page = forms.IntegerField(label=_("任选连续 50 页的起始页"), required=False, min_value=1,
                                    help_text=_("交存方式为“前10页和任选连续的50页”时填写。"))
    redact = forms.CharField(label=_("遮盖位置"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("每行一处，写成 文件路径:起始行-结束行，例如 src/main.py:10-80。"))

    def clean_redact(self) -> str:
        text = self.cleaned_data.get("redact") or ""
        for line in text.splitlines():
            if line.strip():
                try:
                    parse_redaction(line)
                except SoftcopyRefused as e:
                    raise forms.ValidationError(e.reason) from None
        return text

    def options(self) -> dict[str, Any]:
        d = self.cleaned_data
        options: dict[str, Any] = {}
        if d.get("ready_made"):
            options["ready_made"] = True
        if d.get("mode"):
            options["mode"] = d["mode"]
        if d.get("start_page"):
            options["start_page"] = d["start_page"]
        lines = [line.strip() for line in (d.get("redact") or "").splitlines() if line.strip()]
        if lines:
            options["redact"] = lines
        return options
