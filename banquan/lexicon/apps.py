from django.apps import AppConfig


class LexiconConfig(AppConfig):
    name = "banquan.lexicon"
    label = "lexicon"
