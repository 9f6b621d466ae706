from django import forms
from django.utils.translation import gettext_lazy as _

from banquan.showcase import rules


class FeatureForm(forms.Form):
    """A registrar's choices for one featured work; ``samples`` are the work's image samples."""

    blurb = forms.CharField(label=_("简介"), max_length=rules.MAX_BLURB,
                            widget=forms.Textarea(attrs={"rows": 4, "maxlength": rules.MAX_BLURB}))
    samples = forms.TypedMultipleChoiceField(label=_("展示的图片"), coerce=int, widget=forms.CheckboxSelectMultiple)
    position = forms.IntegerField(label=_("排序"), min_value=0, max_value=100_000, initial=100,
                                  help_text=_("数字小的排在前面。"))
    published = forms.BooleanField(label=_("发布"), required=False)

    def __init__(self, *args, sample_choices: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["samples"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = sample_choices
