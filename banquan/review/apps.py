from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "banquan.review"
    label = "review"
