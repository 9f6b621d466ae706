from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SoftwareConfig(AppConfig):
    name = "banquan.software"
    label = "software"
    verbose_name = _("计算机软件登记")
