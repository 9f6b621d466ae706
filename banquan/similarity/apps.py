from django.apps import AppConfig


class SimilarityConfig(AppConfig):
    name = "banquan.similarity"
    label = "similarity"
    verbose_name = "作品内容指纹"
