"""Software registration: the form's own fields beside the shared application, the deposit
materials, the program fingerprints, and what the duplicate and mass-filing checks found."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from banquan.applications.models import Application
from banquan.core import clock
from banquan.records.models import Registration
from banquan.software import choices as c


class SoftwareDetails(models.Model):
    """The fields of the software form that a work application does not have. Title
    (软件全称), dates, publication, acquisition, rights and owners stay on ``Application``."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="software")
    short_name = models.CharField(_("软件简称"), max_length=60, blank=True)
    version = models.CharField(_("版本号"), max_length=20, blank=True)
    classification = models.CharField(_("软件分类"), max_length=24, choices=c.Classification.choices, blank=True)
    nature = models.CharField(_("软件作品说明"), max_length=16, choices=c.SoftwareNature.choices, blank=True)
    modification_note = models.TextField(_("修改（翻译、合成）说明"), blank=True)
    earlier_number = models.CharField(_("原登记号"), max_length=20, blank=True)
    development_mode = models.CharField(_("开发方式"), max_length=16, choices=c.DevelopmentMode.choices, blank=True)
    dev_hardware = models.CharField(_("开发的硬件环境"), max_length=100, blank=True)
    run_hardware = models.CharField(_("运行的硬件环境"), max_length=100, blank=True)
    dev_os = models.CharField(_("开发该软件的操作系统"), max_length=100, blank=True)
    dev_tools = models.CharField(_("软件开发环境/开发工具"), max_length=100, blank=True)
    run_platform = models.CharField(_("该软件的运行平台/操作系统"), max_length=100, blank=True)
    support_software = models.CharField(_("软件运行支撑环境/支持软件"), max_length=100, blank=True)
    languages = models.JSONField(_("编程语言"), default=list, blank=True)
    source_lines = models.PositiveIntegerField(_("源程序量（行）"), null=True, blank=True)
    dev_purpose = models.CharField(_("开发目的"), max_length=100, blank=True)
    domain = models.CharField(_("面向领域/行业"), max_length=60, blank=True)
    main_functions = models.TextField(_("软件的主要功能"), blank=True)
    tech_features = models.TextField(_("软件的技术特点"), blank=True)
    feature_tags = models.JSONField(_("技术特点类别"), default=list, blank=True)
    deposit_mode = models.CharField(_("鉴别材料交存方式"), max_length=16, choices=c.DepositMode.choices,
                                    default=c.DepositMode.NORMAL)
    # Owners' software parks (所属园区), by owner position: the shared Owner rows have no such field.
    owner_parks = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("软件登记信息")
        verbose_name_plural = _("软件登记信息")


class DepositMaterial(models.Model):
    """One kind of deposit material (程序 or 文档) of an application: built by the system from an
    uploaded source tree or manual, or uploaded as a PDF, and checked either way."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="deposit_materials")
    kind = models.CharField(_("材料"), max_length=16, choices=c.MaterialKind.choices)
    built = models.BooleanField(default=True)  # False: the applicant uploaded the PDF itself
    source_key = models.CharField(max_length=300, blank=True)  # the uploaded tree or manual
    source_name = models.CharField(_("上传文件"), max_length=255)
    source_sha256 = models.CharField(max_length=64)
    source_size = models.BigIntegerField(default=0)
    options = models.JSONField(default=dict, blank=True)
    status = models.CharField(_("状态"), max_length=16, choices=c.MaterialStatus.choices,
                              default=c.MaterialStatus.PENDING)
    error = models.TextField(blank=True)
    pdf_key = models.CharField(max_length=300, blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)
    summary = models.JSONField(default=dict, blank=True)  # build summary: files, lines, left out
    problems = models.JSONField(default=list, blank=True)  # checker problems (code, message, page)
    created_at = models.DateTimeField(default=clock.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["kind"]
        constraints = [models.UniqueConstraint(fields=["application", "kind"], name="deposit_material_unique")]


class ProgramFingerprint(models.Model):
    """Winnowing fingerprints of an application's source (and manual), kept for the whole life
    of the registration so the duplicate index can be rebuilt from the database."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="program_fingerprint")
    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, null=True, blank=True,
                                        related_name="program_fingerprint")
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    owner_key = models.CharField(max_length=300)  # the owners' ID numbers, sorted: "same owner"
    program = models.BinaryField()  # ProgramPrint.to_bytes()
    manual = models.BinaryField(null=True, blank=True)
    hashes = models.PositiveIntegerField(default=0)
    computed_at = models.DateTimeField(default=clock.now)


class CopyFinding(models.Model):
    """A registered program of another owner that the new application's code largely matches."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="copy_findings")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    containment_new = models.FloatField()  # share of the new program found in the registered one
    containment_registered = models.FloatField()
    regions = models.JSONField(default=list)  # [{a_file, a_lines, b_file, b_lines, hashes}]
    found_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["-score"]


class FilingFlag(models.Model):
    """A sign of mass-produced filing for the reviewer: near-identical code or manuals across
    applicants (template), or many filings in a short time from one account (burst)."""

    class Kind(models.TextChoices):
        TEMPLATE_CODE = "template_code", _("多个申请人的源程序几乎相同")
        TEMPLATE_MANUAL = "template_manual", _("多个申请人的文档几乎相同")
        BURST = "burst", _("同一账号短时间内集中提交")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="filing_flags")
    kind = models.CharField(max_length=24, choices=Kind.choices)
    detail = models.JSONField(default=dict)
    found_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["kind"]
        constraints = [models.UniqueConstraint(fields=["application", "kind"], name="filing_flag_unique")]
