from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "banquan.applications"
    label = "applications"
