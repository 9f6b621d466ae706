from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "banquan.ledger"
    label = "ledger"
