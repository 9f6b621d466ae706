from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "banquan.records"
    label = "records"
