"""The forms of the rights pages: a court's seizure, a bank's pledge, an applicant's contract
recordation, change and reissue, a registrar's revocation and the short decisions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from banquan.applications.choices import IdType
from banquan.rights.models import ChangeRequest, Recordation, ReissueRequest, Revocation
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


class PledgeChangeForm(forms.Form):
    principal = forms.DecimalField(label=_("变更后的主债权金额"), max_digits=18, decimal_places=2, required=False)
    term_end = forms.DateField(label=_("变更后的债务履行期限止"), required=False,
                               widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("变更理由"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


# --- afterwards: recordations, changes, reissues, revocations --------------------------------

RIGHT_LABELS = {
    "reproduction": _("复制权"), "distribution": _("发行权"), "rental": _("出租权"), "exhibition": _("展览权"),
    "performance": _("表演权"), "screening": _("放映权"), "broadcasting": _("广播权"), "network": _("信息网络传播权"),
    "filming": _("摄制权"), "adaptation": _("改编权"), "translation": _("翻译权"), "compilation": _("汇编权"),
    "other": _("其他财产权"),
}
DATE = forms.DateInput(attrs={"type": "date"})


class RecordationForm(forms.Form):
    kind = forms.ChoiceField(label=_("合同类型"), choices=Recordation.Kind.choices,
                             error_messages={"required": _("请选择合同类型。"), "invalid_choice": _("请选择合同类型。")})
    numbers = NumbersField(label=_("作品登记号"), help_text=_("每行一个，或以逗号、顿号分隔。"), required=False)
    grantor_name = forms.CharField(label=_("转让方/许可方"), max_length=200,
                                   error_messages={"required": _("请填写转让方或许可方。")})
    grantor_id_number = forms.CharField(label=_("转让方/许可方证件号码"), max_length=64,
                                        help_text=_("应为作品登记记录中的著作权人。"),
                                        error_messages={"required": _("请填写转让方或许可方的证件号码。")})
    grantee_name = forms.CharField(label=_("受让方/被许可方"), max_length=200,
                                   error_messages={"required": _("请填写受让方或被许可方。")})
    grantee_id_number = forms.CharField(label=_("受让方/被许可方证件号码"), max_length=64,
                                        error_messages={"required": _("请填写受让方或被许可方的证件号码。")})
    rights = forms.MultipleChoiceField(label=_("涉及的权利"), choices=list(RIGHT_LABELS.items()),
                                       widget=forms.CheckboxSelectMultiple,
                                       error_messages={"required": _("请选择合同涉及的著作财产权。")})
    territory = forms.CharField(label=_("地域范围"), max_length=200, initial=_("中国大陆"),
                                error_messages={"required": _("请填写地域范围。")})
    term_start = forms.DateField(label=_("期限起"), widget=DATE, required=False,
                                 help_text=_("专有许可合同必填。"), error_messages={"invalid": _("请填写正确的日期。")})
    term_end = forms.DateField(label=_("期限止"), widget=DATE, required=False,
                               error_messages={"invalid": _("请填写正确的日期。")})
    contract = forms.FileField(label=_("合同文件（PDF）"), widget=forms.ClearableFileInput(attrs={"accept": ".pdf"}),
                               error_messages={"required": _("请上传 PDF 格式的合同。")})


class ChangeForm(forms.Form):
    """The facts an applicant may correct from the pages: only those that differ from the
    registration are asked for (owners and authors change through the API)."""

    kind = forms.ChoiceField(label=_("类型"), choices=ChangeRequest.Kind.choices,
                             error_messages={"required": _("请选择变更或补充。"), "invalid_choice": _("请选择变更或补充。")})
    title = forms.CharField(label=_("作品名称"), max_length=200, error_messages={"required": _("作品名称不能为空。")})
    completion_date = forms.DateField(label=_("创作完成日期"), widget=DATE, required=False,
                                      error_messages={"invalid": _("请填写正确的日期。")})
    first_publication_date = forms.DateField(label=_("首次发表日期"), widget=DATE, required=False,
                                             error_messages={"invalid": _("请填写正确的日期。")})
    reason = forms.CharField(label=_("变更理由"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000,
                             error_messages={"required": _("请说明变更或补充的理由。")})


class ReissueForm(forms.Form):
    kind = forms.ChoiceField(label=_("类型"), choices=ReissueRequest.Kind.choices,
                             help_text=_("证书遗失的申请补发，证书损坏的申请换发。"),
                             error_messages={"required": _("请选择补发或换发。"), "invalid_choice": _("请选择补发或换发。")})
    reason = forms.CharField(label=_("申请理由"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000,
                             error_messages={"required": _("请说明补发或换发的原因。")})


class RevocationForm(forms.Form):
    number = forms.CharField(label=_("登记号"), max_length=32, error_messages={"required": _("请填写登记号。")})
    ground = forms.ChoiceField(label=_("撤销事由"), choices=Revocation.Ground.choices,
                               error_messages={"required": _("请选择撤销事由。"), "invalid_choice": _("请选择撤销事由。")})
    document = forms.CharField(label=_("文书号"), max_length=200, required=False,
                               help_text=_("依据人民法院裁判或行政决定撤销的必填。"))
    reason = forms.CharField(label=_("撤销理由"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000,
                             error_messages={"required": _("请填写撤销理由。")})
    kept_number = forms.CharField(label=_("保留的登记号"), max_length=32, required=False,
                                  help_text=_("重复登记的，填写予以保留的登记号。"))

    def clean(self):
        data = super().clean()
        if data.get("ground") == Revocation.Ground.DUPLICATE and not data.get("kept_number", "").strip():
            self.add_error("kept_number", _("重复登记请填写保留的登记号。"))
        return data


class DecisionForm(forms.Form):
    """A registrar's decision on one request, its form ids prefixed so that many fit on a page."""

    reason = forms.CharField(label=_("理由"), widget=forms.Textarea(attrs={"rows": 1}), max_length=2000,
                             required=False)

    def __init__(self, *args, prefix_id: str | None = None, **kwargs):
        if prefix_id is not None:
            kwargs.setdefault("auto_id", f"{prefix_id}_%s")
        super().__init__(*args, **kwargs)
