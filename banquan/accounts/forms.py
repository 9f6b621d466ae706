from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from banquan.accounts.models import ApplicantKind, User


class SignUpForm(forms.Form):
    """An applicant opens an account online (offices create staff accounts in the back office)."""

    username = forms.RegexField(label=_("用户名"), max_length=150, regex=r"^[\w.@+-]+$",
                                error_messages={"invalid": _("用户名只能包含字母、数字和 @ . + - _。")})
    display_name = forms.CharField(label=_("姓名或单位名称"), max_length=200)
    applicant_kind = forms.ChoiceField(label=_("申请人类型"), choices=ApplicantKind.choices,
                                       widget=forms.RadioSelect, initial=ApplicantKind.PERSON)
    organization = forms.CharField(label=_("所属单位（代理人填写代理机构）"), max_length=200, required=False)
    email = forms.EmailField(label=_("电子邮箱"))
    phone = forms.RegexField(label=_("手机号码"), regex=r"^\+?[0-9 -]{6,20}$",
                             error_messages={"invalid": _("请填写有效的电话号码。")})
    password1 = forms.CharField(label=_("密码"), widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(label=_("确认密码"), widget=forms.PasswordInput, strip=False)

    def clean_username(self):
        name = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=name).exists():
            raise forms.ValidationError(_("该用户名已被使用。"))
        return name

    def clean(self):
        data = super().clean()
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("两次输入的密码不一致。"))
        elif p1:
            try:
                password_validation.validate_password(p1, User(username=data.get("username", "")))
            except forms.ValidationError as e:
                self.add_error("password1", e)
        if data.get("applicant_kind") == ApplicantKind.AGENT and not data.get("organization"):
            self.add_error("organization", _("代理人请填写代理机构名称。"))
        return data
