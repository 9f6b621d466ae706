"""Choices of the computer software registration form (计算机软件著作权登记申请表)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Classification(models.TextChoices):
    APPLICATION = "application", _("应用软件")
    EMBEDDED = "embedded", _("嵌入式软件")
    MIDDLEWARE = "middleware", _("中间件")
    OPERATING_SYSTEM = "operating_system", _("操作系统")


class SoftwareNature(models.TextChoices):
    ORIGINAL = "original", _("原创")
    MODIFIED = "modified", _("修改（含翻译软件、合成软件）")


class DevelopmentMode(models.TextChoices):
    INDEPENDENT = "independent", _("独立开发")
    COOPERATIVE = "cooperative", _("合作开发")
    COMMISSIONED = "commissioned", _("委托开发")
    ASSIGNED = "assigned", _("下达任务开发")


class SoftwareRight(models.TextChoices):
    """The rights of 《计算机软件保护条例》 Art. 8, as the form lists them."""

    PUBLICATION = "publication", _("发表权")
    ATTRIBUTION = "attribution", _("署名权")
    ALTERATION = "alteration", _("修改权")
    REPRODUCTION = "reproduction", _("复制权")
    DISTRIBUTION = "distribution", _("发行权")
    RENTAL = "rental", _("出租权")
    NETWORK = "network", _("信息网络传播权")
    TRANSLATION = "translation", _("翻译权")
    OTHER = "other", _("应当由著作权人享有的其他权利")


class DepositMode(models.TextChoices):
    NORMAL = "normal", _("一般交存")
    REDACTED = "redacted", _("例外交存：使用黑色宽斜线覆盖")
    FIRST10_ANY50 = "first10_any50", _("例外交存：前10页和任选连续的50页")
    OBJECT_CODE = "object_code", _("例外交存：目标程序前后各30页和源程序任选连续的20页")


class FeatureTag(models.TextChoices):
    """软件技术特点 categories of the online form (any number may be ticked)."""

    APP = "app", _("APP")
    GAME = "game", _("游戏软件")
    EDUCATION = "education", _("教育软件")
    FINANCE = "finance", _("金融软件")
    MEDICAL = "medical", _("医疗软件")
    GIS = "gis", _("地理信息软件")
    CLOUD = "cloud", _("云计算软件")
    SECURITY = "security", _("信息安全软件")
    BIG_DATA = "big_data", _("大数据软件")
    AI = "ai", _("人工智能软件")
    VR = "vr", _("VR软件")
    FIVE_G = "5g", _("5G软件")
    MINI_PROGRAM = "mini_program", _("小程序")
    IOT = "iot", _("物联网软件")
    SMART_CITY = "smart_city", _("智慧城市软件")


class MaterialKind(models.TextChoices):
    PROGRAM = "program", _("程序鉴别材料")
    DOCUMENTATION = "documentation", _("文档鉴别材料")


class MaterialStatus(models.TextChoices):
    PENDING = "pending", _("生成中")
    READY = "ready", _("已就绪")
    FAILED = "failed", _("未通过")


SOFTWARE_PARKS = ("西安软件园", "上海浦东软件园", "杭州软件园", "江苏软件园", "其他软件园")
