"""The software form's own rules (no database): length limits of the online form, the shape of
names and version numbers, and what must be filled in before submission.

Limits follow the national center's online form (2024 edition); an office with other limits
changes them here, in one place, and the form, the API and the checks follow.
"""

import datetime as dt
import re
from collections import defaultdict
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from banquan.software import numbering
from banquan.software.choices import SoftwareRight

LIMITS = {
    "title": 60, "short_name": 30, "version": 20,
    "dev_hardware": 50, "run_hardware": 50, "dev_os": 50, "dev_tools": 50, "run_platform": 50,
    "support_software": 50, "dev_purpose": 50, "domain": 30, "main_functions": 200,
    "tech_features": 100, "modification_note": 200,
}
# A software name names what the thing is: the full name ends with one of these (软件全称应以
# 软件、系统、平台等结尾); "系统" alone or a bare brand is refused.
NAME_ENDINGS = ("软件", "系统", "平台", "程序", "工具", "游戏", "APP", "App", "小程序", "插件", "引擎", "客户端",
                "服务端", "管理端", "中间件", "固件", "模块", "组件", "库")
VERSION = re.compile(r"^V\d{1,3}(\.\d{1,3}){1,3}$")
MAX_SOURCE_LINES = 100_000_000
SOFTWARE_RIGHTS = {r.value for r in SoftwareRight}


def name_problem(title: str) -> str | None:
    title = title.strip()
    if not title:
        return None
    if not title.endswith(NAME_ENDINGS):
        return _("软件全称应由品牌或用途加功能组成，并以“软件”“系统”“平台”等结尾，例如“星河智能排课系统”。")
    if title in NAME_ENDINGS or len(title) < 4:
        return _("软件全称过短，请写出软件的用途或功能，例如“星河智能排课系统”。")
    return None


def version_problem(version: str) -> str | None:
    if version and not VERSION.match(version.strip()):
        return _("版本号请写成“V1.0”的形式（大写 V 加数字，如 V1.0、V2.1.3）。")
    return None


def length_problems(values: dict[str, Any]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for field, limit in LIMITS.items():
        value = values.get(field) or ""
        if isinstance(value, str) and len(value.strip()) > limit:
            errors[field] = [_("不能超过 %(limit)d 个字（现为 %(n)d 个字）。") % {"limit": limit, "n": len(value.strip())}]
    return errors


def field_problems(values: dict[str, Any], today: dt.date) -> dict[str, list[str]]:
    """Rules on fields that are filled in (drafts may leave others empty)."""
    e: dict[str, list[str]] = defaultdict(list)
    for field, messages in length_problems(values).items():
        e[field].extend(messages)
    for field, problem in (("title", name_problem(values.get("title") or "")),
                           ("version", version_problem(values.get("version") or ""))):
        if problem:
            e[field].append(problem)
    earlier = (values.get("earlier_number") or "").strip()
    if earlier and numbering.parse_registration_number(earlier) is None:
        e["earlier_number"].append(_("原登记号应为“2024SR0123456”的形式。"))
    lines = values.get("source_lines")
    if lines is not None and not (1 <= lines <= MAX_SOURCE_LINES):
        e["source_lines"].append(_("源程序量应为正整数（行）。"))
    unknown = set(values.get("rights") or []) - SOFTWARE_RIGHTS
    if unknown:
        e["rights"].append(_("软件著作权没有这些权利：%(r)s") % {"r": "、".join(sorted(unknown))})
    done, pub = values.get("completion_date"), values.get("first_publication_date")
    if done and done > today:
        e["completion_date"].append(_("开发完成日期不能晚于今天。"))
    if done and pub and pub < done:
        e["first_publication_date"].append(_("首次发表日期不能早于开发完成日期。"))
    if pub and pub > today:
        e["first_publication_date"].append(_("首次发表日期不能晚于今天。"))
    return dict(e)


REQUIRED = (
    ("title", gettext_noop("请填写软件全称。")), ("version", gettext_noop("请填写版本号。")), ("classification", gettext_noop("请选择软件分类。")),
    ("nature", gettext_noop("请选择软件作品说明（原创或修改）。")), ("completion_date", gettext_noop("请填写开发完成日期。")),
    ("publication", gettext_noop("请选择发表状态。")), ("development_mode", gettext_noop("请选择开发方式。")),
    ("acquisition", gettext_noop("请选择权利取得方式。")), ("rights_scope", gettext_noop("请选择权利范围。")),
    ("dev_hardware", gettext_noop("请填写开发的硬件环境。")), ("run_hardware", gettext_noop("请填写运行的硬件环境。")),
    ("dev_os", gettext_noop("请填写开发该软件的操作系统。")), ("dev_tools", gettext_noop("请填写软件开发环境或开发工具。")),
    ("run_platform", gettext_noop("请填写该软件的运行平台或操作系统。")), ("support_software", gettext_noop("请填写软件运行支撑环境或支持软件。")),
    ("languages", gettext_noop("请填写编程语言。")), ("source_lines", gettext_noop("请填写源程序量。")), ("dev_purpose", gettext_noop("请填写开发目的。")),
    ("domain", gettext_noop("请填写面向领域或行业。")), ("main_functions", gettext_noop("请填写软件的主要功能。")),
    ("tech_features", gettext_noop("请填写软件的技术特点。")),
)


def completeness(values: dict[str, Any], owners: list[Any], materials: dict[str, Any],
                 today: dt.date) -> dict[str, list[str]]:
    """Everything the form needs before submission, as {field: [messages]}. ``materials`` maps
    kind (program, documentation) to its status."""
    e: dict[str, list[str]] = defaultdict(list)
    for field, message in REQUIRED:
        if not values.get(field):
            e[field].append(_(message))
    if values.get("nature") == "modified":
        if not (values.get("modification_note") or "").strip():
            e["modification_note"].append(_("修改软件请说明修改（翻译、合成）的内容，并取得原权利人授权。"))
    if values.get("publication") == "published":
        for field, message in (("first_publication_date", _("已发表软件请填写首次发表日期。")),
                               ("first_publication_city", _("已发表软件请填写首次发表地点。"))):
            if not values.get(field):
                e[field].append(message)
    if values.get("acquisition") == "derived" and not values.get("derived_how"):
        e["derived_how"].append(_("继受取得请选择受让、承受或继承。"))
    if values.get("rights_scope") == "partial" and not values.get("rights"):
        e["rights"].append(_("部分权利请勾选拥有的权利。"))
    if values.get("development_mode") == "cooperative" and len(owners) < 2:
        e["owners"].append(_("合作开发的软件应有两位或以上著作权人。"))
    if not owners:
        e["owners"].append(_("请至少填写一位著作权人。"))
    for field, messages in field_problems(values, today).items():
        e[field].extend(messages)
    for kind, label in (("program", _("程序鉴别材料")), ("documentation", _("文档鉴别材料"))):
        status = materials.get(kind)
        if status is None:
            e[f"materials.{kind}"].append(_("请上传%(m)s。") % {"m": label})
        elif status == "pending":
            e[f"materials.{kind}"].append(_("%(m)s还在生成或检查中，请稍候。") % {"m": label})
    return dict(e)
