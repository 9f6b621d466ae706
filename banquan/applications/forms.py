"""The official work registration form (作品著作权登记申请表) as Django forms.

Forms check formats and the consistency rules in ``rules``; drafts may be incomplete, so
completeness is left to ``services.submit()``, whose errors ``place_errors`` puts back beside
the fields they concern.
"""

from typing import Any, cast

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from banquan.applications import choices as c
from banquan.applications import rules, services
from banquan.applications.models import Application
from banquan.core import clock

# Choice sets small enough to show every option at once as radio buttons.
RADIO_FIELDS = ("nature", "publication", "creation_mode", "acquisition", "derived_how", "rights_scope")
DATE_FIELDS = ("completion_date", "first_publication_date", "offline_display_date")

# The sections of the paper form, in its order; authors and owners sit between them.
SECTIONS: list[tuple[Any, tuple[str, ...]]] = [
    (_("作品信息"), ("title", "category", "category_note", "nature", "nature_note",
                     "source_work_title", "source_work_author")),
    (_("创作完成与发表"), ("completion_date", "completion_country", "completion_city", "publication",
                          "first_publication_date", "first_publication_country", "first_publication_city")),
    (_("权利"), ("creation_mode", "acquisition", "derived_how", "rights_scope", "rights")),
    (_("创作说明"), ("purpose", "process", "originality")),
    (_("线下展示"), ("offline_display", "offline_display_date", "offline_display_place")),
]
SECTIONS_BEFORE_PEOPLE = 2
DEFAULT_NATIONALITY = "中国"

HELP = {
    "category_note": _("作品类别选择“其他”时填写。"),
    "nature_note": _("创作性质选择“其他”时填写。"),
    "source_work_title": _("改编、翻译、汇编、注释、整理的作品填写。"),
    "derived_how": _("权利取得方式为“继受取得”时选择。"),
    "rights": _("权利拥有状况为“部分”时勾选。"),
    "purpose": _("简要说明创作这一作品的目的。"),
    "process": _("说明创作的时间、步骤与方法。"),
    "originality": _("说明作品的独创性所在，即与已有作品的不同之处。"),
}


def _date_widget() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _without_blank(choices: Any) -> list:
    return [(v, label) for v, label in choices if v != ""]


class PlainLabels:
    """Labels without Django's trailing colon: the official form's labels stand alone."""

    def __init__(self, *args: Any, **kwargs: Any):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class ApplicationForm(PlainLabels, forms.ModelForm):
    rights = forms.MultipleChoiceField(
        label=_("拥有的权利"), choices=c.Right.choices, required=False, widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Application
        fields = services.APPLICATION_FIELDS
        widgets = {name: _date_widget() for name in DATE_FIELDS}

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        for name in RADIO_FIELDS:
            radio = cast(forms.ChoiceField, self.fields[name])
            radio.choices = _without_blank(radio.choices)
            radio.widget = forms.RadioSelect(choices=radio.choices)
        category = cast(forms.ChoiceField, self.fields["category"])
        category.choices = [("", _("请选择作品类别"))] + _without_blank(category.choices)
        for name, text in HELP.items():
            self.fields[name].help_text = text
        for field in self.fields.values():
            field.required = False  # a draft may leave anything empty; submit() checks completeness

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name, messages in rules.field_problems(cleaned, today=clock.today()).items():
            if name in self.fields and name not in self.errors:  # a format error says enough
                self.add_error(name, messages)
        return cleaned

    def sections(self) -> list[tuple[Any, list]]:
        return [(title, [self[name] for name in names]) for title, names in SECTIONS]

    def service_fields(self) -> dict[str, Any]:
        """The cleaned values in the shape ``services.create_draft``/``update_draft`` take."""
        values = {name: self.cleaned_data.get(name) for name in services.APPLICATION_FIELDS}
        for name, value in values.items():
            if value is None and name not in DATE_FIELDS:
                values[name] = "" if name != "offline_display" else False
        values["rights"] = list(values.get("rights") or [])
        return values


class NewApplicationForm(ApplicationForm):
    # Idempotency key: the browser sends the same token however often the button is clicked.
    client_token = forms.UUIDField(widget=forms.HiddenInput, required=False)


class AuthorForm(PlainLabels, forms.Form):
    name = forms.CharField(label=_("作者姓名或名称"), max_length=200)
    signature = forms.CharField(label=_("署名"), max_length=200, required=False)


def _choose(prompt: Any, choices: Any) -> list:
    return [("", prompt)] + list(choices)


class OwnerForm(PlainLabels, forms.Form):
    # No initial values: a row the applicant never touched must count as unchanged, so extra
    # and freshly added rows are skipped instead of demanding a name.
    kind = forms.ChoiceField(label=_("著作权人类型"), choices=_choose(_("请选择"), c.OwnerKind.choices))
    name = forms.CharField(label=_("姓名或名称"), max_length=200)
    id_type = forms.ChoiceField(label=_("证件类型"), choices=_choose(_("请选择"), c.IdType.choices))
    # May stay empty in a draft; submit() reports it missing.
    id_number = forms.CharField(label=_("证件号码"), max_length=64, required=False)
    nationality = forms.CharField(label=_("国籍"), max_length=64, required=False,
                                  widget=forms.TextInput(attrs={"placeholder": DEFAULT_NATIONALITY}),
                                  help_text=_("不填即为中国。"))
    province = forms.CharField(label=_("省份"), max_length=64, required=False)
    city = forms.CharField(label=_("城市"), max_length=64, required=False)
    address = forms.CharField(label=_("地址"), max_length=300, required=False)

    def clean_nationality(self) -> str:
        return self.cleaned_data["nationality"].strip() or DEFAULT_NATIONALITY

    def clean_id_number(self) -> str:
        return self.cleaned_data["id_number"].strip().upper()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        kind, id_type = cleaned.get("kind"), cleaned.get("id_type")
        number = cleaned.get("id_number", "")
        if kind and id_type:
            for name, messages in rules.person_problems(kind, id_type, number).items():
                if name == "id_number" and not number:
                    continue  # missing, not malformed: completeness is submit()'s job
                if name not in self.errors:
                    self.add_error(name, messages)
        return cleaned


class PeopleFormSet(forms.BaseFormSet):
    """Rows the applicant filled in; unchanged extra rows and rows marked for deletion drop out."""

    def kept_forms(self) -> list[forms.Form]:
        return [f for i, f in enumerate(self.forms)
                if (i < self.initial_form_count() or f.has_changed()) and not self._marked_deleted(f)]

    def _marked_deleted(self, form: forms.Form) -> bool:
        return bool(self.can_delete and getattr(form, "cleaned_data", {}).get("DELETE"))

    def rows(self) -> list[dict[str, Any]]:
        return [{k: v for k, v in f.cleaned_data.items() if k != "DELETE"} for f in self.kept_forms()]


AuthorFormSet = formset_factory(AuthorForm, formset=PeopleFormSet, extra=1, can_delete=True, max_num=50)
OwnerFormSet = formset_factory(OwnerForm, formset=PeopleFormSet, extra=1, can_delete=True, max_num=50)


class SampleUploadForm(PlainLabels, forms.Form):
    file = forms.FileField(label=_("选择文件"))
    role = forms.ChoiceField(label=_("文件用途"), choices=c.SampleRole.choices, initial=c.SampleRole.SAMPLE,
                             widget=forms.RadioSelect)


class WithdrawForm(PlainLabels, forms.Form):
    reason = forms.CharField(label=_("撤回理由"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class CorrectionResponseForm(PlainLabels, forms.Form):
    response = forms.CharField(label=_("补正说明"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000,
                               help_text=_("说明按补正要求修改了哪些内容。"))


class ApplicationFormBundle:
    """The application form with its author and owner formsets, bound or not, as one unit."""

    def __init__(self, data: Any = None, *, app: Application | None = None, new: bool = False,
                 initial_token: Any = None):
        form_class = NewApplicationForm if new else ApplicationForm
        initial = {"client_token": initial_token} if new else None
        self.form = form_class(data, instance=app, initial=initial)
        authors = [{"name": a.name, "signature": a.signature} for a in app.authors.all()] if app else []
        owners = [{k: getattr(o, k) for k in OwnerForm.base_fields} for o in app.owners.all()] if app else []
        self.authors = cast(PeopleFormSet, AuthorFormSet(data, prefix="authors", initial=authors))
        self.owners = cast(PeopleFormSet, OwnerFormSet(data, prefix="owners", initial=owners))
        self.extra_errors: dict[str, list[str]] = {}  # samples and anything without a field

    def is_valid(self) -> bool:
        # Evaluate all three so every error is shown at once.
        return all([self.form.is_valid(), self.authors.is_valid(), self.owners.is_valid()])

    def service_kwargs(self) -> dict[str, Any]:
        return {"fields": self.form.service_fields(), "authors": self.authors.rows(),
                "owners": self.owners.rows()}

    def place_errors(self, errors: dict[str, list[str]]) -> None:
        """Show ``ValidationFailed.errors`` (keys like ``title``, ``owners.0.id_number``,
        ``samples``) beside the inputs they are about."""
        for key, messages in errors.items():
            head, _dot, rest = key.partition(".")
            if head in ("authors", "owners"):
                formset = self.authors if head == "authors" else self.owners
                if self._place_in_row(formset, rest, messages):
                    continue
                formset.non_form_errors().extend(messages)
            elif head in self.form.fields:
                self.form.add_error(head, list(messages))
            else:
                self.extra_errors.setdefault(head, []).extend(messages)

    @staticmethod
    def _place_in_row(formset: PeopleFormSet, path: str, messages: list[str]) -> bool:
        index, _dot, field = path.partition(".")
        if not index.isdigit():
            return False
        rows = formset.kept_forms()  # row i of the saved list is the i-th kept form
        if int(index) >= len(rows):
            return False
        form = rows[int(index)]
        if field in form.fields:
            form.add_error(field, list(messages))
        else:
            form.add_error(None, list(messages))
        return True
