"""The forms of the rights pages: a court's seizure, a bank's pledge and the short decisions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from banquan.applications.choices import IdType
from banquan.rights.queries import split_numbers


class NumbersField(forms.CharField):
    """Registration numbers, one per line or separated by commas or 、."""

    widget = forms.Textarea(attrs={"rows": 3})

    def clean(self, value) -> list[str]:  # type: ignore[override]
        numbers = split_numbers(super().clean(value) or "")
        if not numbers:
            raise forms.ValidationError(_("请至少填写一个登记号。"), code="required")
        return numbers


class SeizureForm(forms.Form):
    numbers = NumbersField(label=_("登记号"), help_text=_("每行一个，或以逗号、顿号分隔。"), required=False)
    document_number = forms.CharField(label=_("法律文书号"), max_length=100,
                                      error_messages={"required": _("请填写法律文书号。")})
    scope = forms.CharField(label=_("查封范围"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000,
                            initial=_("全部著作财产权"), error_messages={"required": _("请填写查封范围。")})
    term_months = forms.IntegerField(label=_("查封期限（月）"), initial=12,
                                     error_messages={"required": _("请填写查封期限。"),
                                                     "invalid": _("查封期限请填写整数月数。")})


class SeizureReleaseForm(forms.Form):
    document_number = forms.CharField(label=_("解除文书号"), max_length=100,
                                      error_messages={"required": _("请填写解除查封的法律文书号。")})

    def __init__(self, *args, prefix_id: int | None = None, **kwargs):
        if prefix_id is not None:
            kwargs.setdefault("auto_id", f"release_{prefix_id}_%s")
        super().__init__(*args, **kwargs)


class PledgeForm(forms.Form):
    numbers = NumbersField(label=_("出质作品登记号"), help_text=_("每行一个，或以逗号、顿号分隔。"), required=False)
    pledgor_name = forms.CharField(label=_("出质人"), max_length=200, error_messages={"required": _("请填写出质人。")})
    pledgor_id_type = forms.ChoiceField(label=_("出质人证件类型"), choices=IdType.choices,
                                        error_messages={"required": _("请选择出质人证件类型。"),
                                                        "invalid_choice": _("请选择出质人证件类型。")})
    pledgor_id_number = forms.CharField(label=_("出质人证件号码"), max_length=64,
                                        error_messages={"required": _("请填写出质人证件号码。")})
    principal = forms.DecimalField(label=_("主债权金额"), max_digits=18, decimal_places=2,
                                   error_messages={"required": _("请填写主债权金额。"),
                                                   "invalid": _("请填写正确的主债权金额（最多两位小数）。")})
    currency = forms.CharField(label=_("币种"), max_length=3, initial="CNY",
                               error_messages={"required": _("请填写币种。")})
    term_start = forms.DateField(label=_("债务履行期限起"), widget=forms.DateInput(attrs={"type": "date"}),
                                 error_messages={"required": _("请填写债务履行期限。"), "invalid": _("请填写正确的日期。")})
    term_end = forms.DateField(label=_("债务履行期限止"), widget=forms.DateInput(attrs={"type": "date"}),
                               error_messages={"required": _("请填写债务履行期限。"), "invalid": _("请填写正确的日期。")})
    contract = forms.FileField(label=_("质押合同（PDF）"), widget=forms.ClearableFileInput(attrs={"accept": ".pdf"}),
                               error_messages={"required": _("请上传 PDF 格式的质押合同。")})


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("理由"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000,
                             required=False)
