"""Choice lists of the official work registration form (作品著作权登记申请表).

Labels are the form's own Chinese words (the UI's source language); English comes from the
``en`` message catalogue.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from banquan.applications import categories
from banquan.applications.states import LABELS_ZH, State


class Status(models.TextChoices):
    DRAFT = State.DRAFT.value, _(LABELS_ZH[State.DRAFT])
    SUBMITTED = State.SUBMITTED.value, _(LABELS_ZH[State.SUBMITTED])
    ACCEPTED = State.ACCEPTED.value, _(LABELS_ZH[State.ACCEPTED])
    IN_REVIEW = State.IN_REVIEW.value, _(LABELS_ZH[State.IN_REVIEW])
    CORRECTION_REQUESTED = State.CORRECTION_REQUESTED.value, _(LABELS_ZH[State.CORRECTION_REQUESTED])
    RESUBMITTED = State.RESUBMITTED.value, _(LABELS_ZH[State.RESUBMITTED])
    SPECIAL_REVIEW = State.SPECIAL_REVIEW.value, _(LABELS_ZH[State.SPECIAL_REVIEW])
    INTERCEPTED = State.INTERCEPTED.value, _(LABELS_ZH[State.INTERCEPTED])
    APPROVED = State.APPROVED.value, _(LABELS_ZH[State.APPROVED])
    REGISTERED = State.REGISTERED.value, _(LABELS_ZH[State.REGISTERED])
    REJECTED = State.REJECTED.value, _(LABELS_ZH[State.REJECTED])
    WITHDRAWN = State.WITHDRAWN.value, _(LABELS_ZH[State.WITHDRAWN])


# Built from the one category table so the letters and names cannot drift apart.
Category = models.TextChoices(  # type: ignore[call-overload]
    "Category", [(c.code.upper(), (c.code, _(c.zh))) for c in categories.CATEGORIES]
)


class Nature(models.TextChoices):
    """作品创作性质: how the work came about; all but 原创 derive from a source work."""

    ORIGINAL = "original", _("原创")
    ADAPTATION = "adaptation", _("改编")
    TRANSLATION = "translation", _("翻译")
    COMPILATION = "compilation", _("汇编")
    ANNOTATION = "annotation", _("注释")
    ARRANGEMENT = "arrangement", _("整理")
    OTHER = "other", _("其他")


class CreationMode(models.TextChoices):
    """创作方式 under the Copyright Law: who created it and for whom."""

    INDEPENDENT = "independent", _("独立创作")
    JOINT = "joint", _("合作创作")
    COMMISSIONED = "commissioned", _("委托创作")
    EMPLOYMENT = "employment", _("职务创作")
    LEGAL_PERSON = "legal_person", _("法人作品")


class Publication(models.TextChoices):
    UNPUBLISHED = "unpublished", _("未发表")
    PUBLISHED = "published", _("已发表")


class Acquisition(models.TextChoices):
    """权利取得方式: 原始取得 (by creating) or 继受取得 (transfer, inheritance, succession)."""

    ORIGINAL = "original", _("原始取得")
    DERIVED = "derived", _("继受取得")


class DerivedHow(models.TextChoices):
    TRANSFER = "transfer", _("受让")
    INHERITANCE = "inheritance", _("继承")
    SUCCESSION = "succession", _("承受")
    OTHER = "other", _("其他")


class RightsScope(models.TextChoices):
    ALL = "all", _("全部")
    PARTIAL = "partial", _("部分")


class Right(models.TextChoices):
    """The rights enumerated in Article 10 of the Copyright Law."""

    PUBLICATION = "publication", _("发表权")
    ATTRIBUTION = "attribution", _("署名权")
    ALTERATION = "alteration", _("修改权")
    INTEGRITY = "integrity", _("保护作品完整权")
    REPRODUCTION = "reproduction", _("复制权")
    DISTRIBUTION = "distribution", _("发行权")
    RENTAL = "rental", _("出租权")
    EXHIBITION = "exhibition", _("展览权")
    PERFORMANCE = "performance", _("表演权")
    SCREENING = "screening", _("放映权")
    BROADCASTING = "broadcasting", _("广播权")
    NETWORK = "network", _("信息网络传播权")
    FILMING = "filming", _("摄制权")
    ADAPTATION = "adaptation", _("改编权")
    TRANSLATION = "translation", _("翻译权")
    COMPILATION = "compilation", _("汇编权")
    OTHER = "other", _("应当由著作权人享有的其他权利")


class OwnerKind(models.TextChoices):
    PERSON = "person", _("自然人")
    ENTERPRISE = "enterprise", _("企业法人")
    GOVERNMENT = "government", _("机关法人")
    INSTITUTION = "institution", _("事业单位法人")
    SOCIAL = "social", _("社会团体法人")
    OTHER_ORG = "other_org", _("其他组织")


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", _("居民身份证")
    PASSPORT = "passport", _("护照")
    HK_MACAO = "hk_macao", _("港澳居民来往内地通行证")
    TAIWAN = "taiwan", _("台湾居民来往大陆通行证")
    FOREIGN_PR = "foreign_pr", _("外国人永久居留身份证")
    USCC = "uscc", _("统一社会信用代码证书")
    OTHER = "other", _("其他有效证件")


class MediaType(models.TextChoices):
    IMAGE = "image", _("图片")
    PDF = "pdf", _("PDF 文档")
    TEXT = "text", _("文本")
    AUDIO = "audio", _("音频")
    VIDEO = "video", _("视频")


class SampleRole(models.TextChoices):
    SAMPLE = "sample", _("作品样本")
    PROCESS_VIDEO = "process_video", _("创作过程视频")
