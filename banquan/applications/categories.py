"""Statutory work categories (作品类别) and the letter each carries in registration numbers.

Registration numbers read ``国作登字-YYYY-X-NNNNNNNN``. The national center's published
certificates show F for fine art (美术) and I for audiovisual works (视听); the other letters
are this project's table, kept here as the one place that defines them. A letter must never be
reassigned once numbers have been issued with it.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_noop as N_


@dataclass(frozen=True)
class Category:
    code: str
    zh: str
    en: str
    letter: str


CATEGORIES: tuple[Category, ...] = (
    Category("written", N_("文字"), "Written work", "A"),
    Category("oral", N_("口述"), "Oral work", "B"),
    Category("music", N_("音乐"), "Musical work", "C"),
    Category("drama", N_("戏剧"), "Dramatic work", "D"),
    Category("quyi", N_("曲艺"), "Quyi (Chinese folk performing art)", "E"),
    Category("fine_art", N_("美术"), "Fine art", "F"),
    Category("photography", N_("摄影"), "Photographic work", "G"),
    Category("dance", N_("舞蹈"), "Choreographic work", "H"),
    Category("audiovisual", N_("视听"), "Audiovisual work", "I"),
    Category("design_drawing", N_("工程设计图/产品设计图"), "Engineering or product design drawing", "J"),
    Category("map", N_("地图/示意图"), "Map or sketch", "K"),
    Category("model", N_("模型"), "Model", "L"),
    Category("architecture", N_("建筑"), "Architectural work", "M"),
    Category("acrobatics", N_("杂技艺术"), "Acrobatic art", "N"),
    Category("other", N_("其他"), "Other work", "Z"),
)

BY_CODE = {c.code: c for c in CATEGORIES}
CHOICES = [(c.code, c.zh) for c in CATEGORIES]

assert len({c.letter for c in CATEGORIES}) == len(CATEGORIES), "letters must be unique"


def letter(code: str) -> str:
    return BY_CODE[code].letter
