"""Folk-art categories (民间文艺类别) and the statutory work category each maps to when a
pre-registration becomes a formal work registration application (no database).

The list follows the usual grouping of folk literature and art (民间文学艺术) used by
intangible-heritage lists and folk-art copyright platforms; ``work_category`` is a code of
``banquan.applications.categories`` (文字, 音乐, 舞蹈, 戏剧, 曲艺, 美术, 杂技艺术, 其他), the
category the applicant would most likely pick — they may still change it in the draft.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_noop

from banquan.applications import categories as work_categories


@dataclass(frozen=True)
class FolkCategory:
    code: str
    zh: str
    work_category: str


CATEGORIES: tuple[FolkCategory, ...] = (
    FolkCategory("literature", gettext_noop("民间文学"), "written"),
    FolkCategory("music", gettext_noop("民间音乐"), "music"),
    FolkCategory("dance", gettext_noop("民间舞蹈"), "dance"),
    FolkCategory("opera", gettext_noop("戏曲"), "drama"),
    FolkCategory("quyi", gettext_noop("曲艺"), "quyi"),
    FolkCategory("fine_art", gettext_noop("民间美术"), "fine_art"),
    FolkCategory("paper_cutting", gettext_noop("剪纸"), "fine_art"),
    FolkCategory("craft", gettext_noop("传统手工艺/技艺"), "fine_art"),
    FolkCategory("acrobatics", gettext_noop("传统游艺与杂技"), "acrobatics"),
    FolkCategory("custom", gettext_noop("民俗"), "other"),
    FolkCategory("other", gettext_noop("其他"), "other"),
)

BY_CODE = {c.code: c for c in CATEGORIES}
CHOICES = [(c.code, c.zh) for c in CATEGORIES]

assert all(c.work_category in work_categories.BY_CODE for c in CATEGORIES), "unknown work category"


def work_category(code: str) -> str:
    """The work category code (作品类别) for a folk-art category code."""
    return BY_CODE[code].work_category


INHERITOR_LEVELS = (
    ("national", gettext_noop("国家级")),
    ("provincial", gettext_noop("省级")),
    ("municipal", gettext_noop("市级")),
    ("county", gettext_noop("区县级")),
    ("none", gettext_noop("未认定")),
)
