from django.apps import AppConfig


class CertificatesConfig(AppConfig):
    name = "banquan.certificates"
    label = "certificates"
