from django.apps import AppConfig


class WorkdaysConfig(AppConfig):
    name = "banquan.workdays"
    label = "workdays"
