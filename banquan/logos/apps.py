from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LogosConfig(AppConfig):
    name = "banquan.logos"
    label = "logos"
    verbose_name = _("商标标志库")
