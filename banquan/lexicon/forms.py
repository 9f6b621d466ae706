"""Back-office forms: file import and version restore."""

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_FILE_BYTES = 20 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(label=_("词库文件"), help_text=_("UTF-8 或 GB18030 编码。"))
    fmt = forms.ChoiceField(label=_("文件格式"), initial="text", choices=[
        ("text", _("文本：每行“词条[Tab类别[Tab级别]]”")),
        ("csv", _("CSV：列为 term,category,level，可有标题行")),
    ])
    replace = forms.TypedChoiceField(
        label=_("导入方式"), coerce=lambda v: v == "replace", initial="merge", widget=forms.RadioSelect,
        choices=[("merge", _("合并：新增或更新文件中的词条，其余不变")),
                 ("replace", _("替换：词库以文件为准，文件中没有的词条一律停用"))],
    )

    def __init__(self, *args, whitelist: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if whitelist:
            del self.fields["fmt"]
            self.fields["file"].label = _("白名单文件")
            self.fields["file"].help_text = _("每行一个词条；UTF-8 或 GB18030 编码。")
            cast(forms.ChoiceField, self.fields["replace"]).choices = [
                ("merge", _("合并：新增文件中的词条，其余不变")),
                ("replace", _("替换：白名单以文件为准，文件中没有的词条一律删除")),
            ]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("文件不能超过 20 MB。"))
        return upload
