from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FolkartConfig(AppConfig):
    name = "banquan.folkart"
    label = "folkart"
    verbose_name = _("民间文艺")
