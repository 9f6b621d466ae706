from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "banquan.screening"
    label = "screening"
