from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShowcaseConfig(AppConfig):
    name = "banquan.showcase"
    label = "showcase"
    verbose_name = _("精选作品")
