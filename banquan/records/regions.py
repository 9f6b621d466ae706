"""Regions of registrations (pure): the 31 provinces, Hong Kong, Macao and Taiwan, and foreign
countries, read from the owner's nationality and province as typed on the form.

A registration's region is its first owner's: statistics count it there and the public search
filters by it. Province names are free text on the form ("广东省", "广东", "内蒙古自治区"), so they
are reduced to the short name; an unreadable province counts as 中国（未详）.
"""

from __future__ import annotations

from dataclasses import dataclass

# Short name, English name, in the order of the official administrative division codes.
PROVINCES: tuple[tuple[str, str], ...] = (
    ("北京", "Beijing"), ("天津", "Tianjin"), ("河北", "Hebei"), ("山西", "Shanxi"),
    ("内蒙古", "Inner Mongolia"), ("辽宁", "Liaoning"), ("吉林", "Jilin"), ("黑龙江", "Heilongjiang"),
    ("上海", "Shanghai"), ("江苏", "Jiangsu"), ("浙江", "Zhejiang"), ("安徽", "Anhui"),
    ("福建", "Fujian"), ("江西", "Jiangxi"), ("山东", "Shandong"), ("河南", "Henan"),
    ("湖北", "Hubei"), ("湖南", "Hunan"), ("广东", "Guangdong"), ("广西", "Guangxi"),
    ("海南", "Hainan"), ("重庆", "Chongqing"), ("四川", "Sichuan"), ("贵州", "Guizhou"),
    ("云南", "Yunnan"), ("西藏", "Tibet"), ("陕西", "Shaanxi"), ("甘肃", "Gansu"),
    ("青海", "Qinghai"), ("宁夏", "Ningxia"), ("新疆", "Xinjiang"),
)
SPECIAL: tuple[tuple[str, str], ...] = (("香港", "Hong Kong"), ("澳门", "Macao"), ("台湾", "Taiwan"))
UNKNOWN_PROVINCE = "中国（未详）"

DOMESTIC, HMT, FOREIGN = "domestic", "hmt", "foreign"
_CHINA = {"中国", "中华人民共和国", "中国大陆", "china", "cn", "chn", "prc", "people's republic of china"}
_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市")
_SHORT = {zh for zh, _ in PROVINCES} | {zh for zh, _ in SPECIAL}
_ENGLISH = {zh: en for zh, en in PROVINCES + SPECIAL}
_FROM_ENGLISH = {en.lower(): zh for zh, en in PROVINCES + SPECIAL}
_TRADITIONAL = str.maketrans({"門": "门", "灣": "湾", "臺": "台", "別": "别", "區": "区", "東": "东", "遼": "辽",
                              "寧": "宁", "龍": "龙", "蘇": "苏", "陝": "陕", "廣": "广", "華": "华"})
_FROM_ENGLISH.update({"macau": "澳门", "hongkong": "香港", "inner mongolia autonomous region": "内蒙古"})


@dataclass(frozen=True)
class Region:
    name: str  # 广东, 香港, 美国, 中国（未详）
    kind: str  # domestic, hmt or foreign


def _short(text: str) -> str | None:
    text = text.strip().replace(" ", "").translate(_TRADITIONAL)
    for prefix in ("中国", "中华"):
        if text.startswith(prefix) and text[len(prefix):]:
            text = text[len(prefix):]
    if text.lower() in _FROM_ENGLISH:
        return _FROM_ENGLISH[text.lower()]
    text = text.translate(_TRADITIONAL)
    for suffix in _SUFFIXES:
        if text.endswith(suffix) and text[: -len(suffix)] in _SHORT:
            return text[: -len(suffix)]
    return text if text in _SHORT else None


def region_of(nationality: str, province: str = "") -> Region:
    """The region for an owner's nationality and province."""
    nation = (nationality or "").strip()
    special = _short(nation)
    if special in {zh for zh, _ in SPECIAL}:
        return Region(special, HMT)
    if not nation or nation.lower() in _CHINA:
        short = _short(province or "")
        if short is None:
            return Region(UNKNOWN_PROVINCE, DOMESTIC)
        return Region(short, HMT if short in {zh for zh, _ in SPECIAL} else DOMESTIC)
    return Region(nation, FOREIGN)


def region_of_owners(owners: list[dict]) -> Region:
    """The region of a registration: its first owner's (``Registration.data["owners"]``)."""
    if not owners:
        return Region(UNKNOWN_PROVINCE, DOMESTIC)
    first = owners[0]
    return region_of(first.get("nationality", ""), first.get("province", ""))


def kind_of(name: str) -> str:
    """The kind of a stored region name (as ``Region.name``)."""
    if name in {zh for zh, _ in SPECIAL}:
        return HMT
    if name in {zh for zh, _ in PROVINCES} or name == UNKNOWN_PROVINCE:
        return DOMESTIC
    return FOREIGN


def english(name: str) -> str:
    return _ENGLISH.get(name, "China (unspecified)" if name == UNKNOWN_PROVINCE else name)
