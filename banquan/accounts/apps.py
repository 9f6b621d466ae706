from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "banquan.accounts"
    label = "accounts"
