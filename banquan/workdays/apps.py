from django.apps import AppConfig


class WorkdaysConfig(AppConfig):
    name = "banquan.workdays"
    label = "workdays"

    def ready(self) -> None:
        from banquan.workdays import signals  # noqa: F401
