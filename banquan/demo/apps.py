from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "banquan.demo"
    label = "demo"
