"""Statutory work categories (作品类别) and the letter each carries in registration numbers.

Registration numbers read ``国作登字-YYYY-X-NNNNNNNN``. The national center's published
certificates show F for fine art (美术) and I for audiovisual works (视听); the other letters
are this project's table, kept here as the one place that defines them. A letter must never be
reassigned once numbers have been issued with it.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_noop


@dataclass(frozen=True)
class Category:
    code: str
    zh: str
    en: str
    letter: str


CATEGORIES: tuple[Category, ...] = (
    Category("written", gettext_noop("文字"), "Written work", "A"),
    Category("oral", gettext_noop("口述"), "Oral work", "B"),
    Category("music", gettext_noop("音乐"), "Musical work", "C"),
    Category("drama", gettext_noop("戏剧"), "Dramatic work", "D"),
    Category("quyi", gettext_noop("曲艺"), "Quyi (Chinese folk performing art)", "E"),
    Category("fine_art", gettext_noop("美术"), "Fine art", "F"),
    Category("photography", gettext_noop("摄影"), "Photographic work", "G"),
    Category("dance", gettext_noop("舞蹈"), "Choreographic work", "H"),
    Category("audiovisual", gettext_noop("视听"), "Audiovisual work", "I"),
    Category("design_drawing", gettext_noop("工程设计图/产品设计图"), "Engineering or product design drawing", "J"),
    Category("map", gettext_noop("地图/示意图"), "Map or sketch", "K"),
    Category("model", gettext_noop("模型"), "Model", "L"),
    Category("architecture", gettext_noop("建筑"), "Architectural work", "M"),
    Category("acrobatics", gettext_noop("杂技艺术"), "Acrobatic art", "N"),
    Category("other", gettext_noop("其他"), "Other work", "Z"),
)

BY_CODE = {c.code: c for c in CATEGORIES}
CHOICES = [(c.code, c.zh) for c in CATEGORIES]

assert len({c.letter for c in CATEGORIES}) == len(CATEGORIES), "letters must be unique"


def letter(code: str) -> str:
    return BY_CODE[code].letter
