from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LexiconConfig(AppConfig):
    name = "banquan.lexicon"
    label = "lexicon"
    verbose_name = _("敏感词库")
