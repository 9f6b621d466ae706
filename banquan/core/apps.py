from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "banquan.core"
    label = "core"
