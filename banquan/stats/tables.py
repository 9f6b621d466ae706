"""The figures as tables (title, column headings, rows) in the current UI language: the
dashboard shows them under the charts (the accessible form of each chart) and the CSV export
writes the same rows."""

from dataclasses import dataclass

from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from banquan.stats import metrics as m


@dataclass(frozen=True)
class Table:
    name: str  # also the CSV file name
    title: str
    headers: list[str]
    rows: list[list]


def english() -> bool:
    return (get_language() or "").startswith("en")


def name(row: dict) -> str:
    return row["name_en"] if english() else row["name_zh"]


def percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.2f}%"


def signed_percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:+.2f}%"


def _kind(kind: str) -> str:
    return {"domestic": _("境内"), "hmt": _("港澳台"), "foreign": _("国外")}[kind]


def build(fig: dict) -> dict[str, Table]:
    cats, regs = fig["categories"], fig["regions"]
    seizures = fig["seizures"]
    seizure_rows = [(_("生效"), m.EFFECTIVE), (_("轮候"), m.QUEUED), (_("解除"), m.RELEASED),
                    (_("轮候中解除"), m.RELEASED_QUEUED), (_("期限届满"), m.EXPIRED)]
    tables = [
        Table("categories", _("作品登记：按作品类别"), [_("作品类别"), _("登记量"), _("占比"), _("撤销")],
              [[name(r), r["count"], percent(r["share"]), r["revoked"]] for r in cats["rows"]]
              + [[_("合计"), cats["total"], percent(1.0 if cats["total"] else None), cats["revoked"]]]),
        Table("regions", _("按地区（第一著作权人）"), [_("地区"), _("类型"), _("登记量"), _("占比")],
              [[name(r), _kind(r["kind"]), r["count"], percent(r["share"])] for r in regs["rows"]]),
        Table("months", _("按月"), [_("年月"), _("登记量"), _("上年同月"), _("同比增长")],
              [[f"{r['year']}-{r['month']:02d}", r["count"], "" if r["previous"] is None else r["previous"],
                signed_percent(r["growth"])] for r in fig["months"]]),
        Table("years", _("按年"), [_("年份"), _("登记量"), _("同比增长"), _("撤销")],
              [[r["year"], r["count"], signed_percent(r["growth"]), r["revoked"]] for r in fig["by_year"]]),
        Table("software", _("计算机软件著作权登记"), [_("年份"), _("登记量"), _("同比增长")],
              [[r["year"], r["count"], signed_percent(r["growth"])] for r in fig["software"]["years"]]),
        Table("pledges", _("著作权质权登记"),
              [_("币种"), _("登记件数"), _("主债权金额"), _("注销件数"), _("注销的主债权金额"), _("现存件数"), _("现存主债权金额")],
              [[r["currency"], r["registered"], r["registered_principal"], r["released"], r["released_principal"],
                r["outstanding"], r["outstanding_principal"]] for r in fig["pledges"]]),
        Table("seizures", pgettext("stats", "查封"), [_("事项"), _("件数")],
              [[label, seizures[key]] for label, key in seizure_rows] + [[_("现存查封（当前）"), seizures["in_force"]]]),
        Table("processing", _("审查用时（受理至决定，工作日，不含补正期间）"),
              [_("登记类型"), pgettext("stats", "办结"), pgettext("stats", "登记"), _("不予登记"), _("中位数"), _("90% 分位"), _("法定时限"),
               _("时限内办结")],
              [[name(r), r["decided"], r["registered"], r["rejected"], _opt(r["median_days"]), _opt(r["p90_days"]),
                r["limit_days"], percent(r["within_share"])] for r in fig["processing"]]),
    ]
    return {t.name: t for t in tables}


def _opt(value) -> str | int:
    return "" if value is None else value


def charts(fig: dict) -> dict:
    """What the ECharts on the dashboard draw, with labels in the UI language."""
    regs = [r for r in fig["regions"]["rows"] if r["count"]]
    return {
        "categories": {"title": _("作品类别"), "data": [{"name": name(r), "value": r["count"]}
                                                    for r in fig["categories"]["rows"] if r["count"]]},
        "regions": {"title": _("登记量"), "labels": [name(r) for r in regs], "values": [r["count"] for r in regs]},
        "months": {"labels": [f"{r['year']}-{r['month']:02d}" for r in fig["months"]],
                   "series": [{"name": _("登记量"), "values": [r["count"] for r in fig["months"]]},
                              {"name": _("上年同月"), "values": [r["previous"] for r in fig["months"]]}]},
        "years": {"labels": [str(r["year"]) for r in fig["by_year"]], "count_name": _("登记量"),
                  "growth_name": _("同比增长"), "counts": [r["count"] for r in fig["by_year"]],
                  "growth": [None if r["growth"] is None else round(r["growth"] * 100, 2) for r in fig["by_year"]]},
        "software": {"labels": [str(r["year"]) for r in fig["software"]["years"]], "name": _("登记量"),
                     "values": [r["count"] for r in fig["software"]["years"]]},
        "processing": {"labels": [name(r) for r in fig["processing"]],
                       "series": [{"name": _("中位数"), "values": [r["median_days"] for r in fig["processing"]]},
                                  {"name": _("90% 分位"), "values": [r["p90_days"] for r in fig["processing"]]},
                                  {"name": _("法定时限"), "values": [r["limit_days"] for r in fig["processing"]]}]},
    }
