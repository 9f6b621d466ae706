"""Showcase rules (pure): which rights statuses may be shown and what a feature's text and
images must be. No database; the services and forms both use these checks."""

from banquan.core.errors import DomainError

# Revoked and superseded registrations are no longer valid rights; pledged or seized works are
# still validly registered, so they may stay on show.
HIDDEN_STATUSES = ("revoked", "superseded")
MAX_BLURB = 200
MAX_IMAGES = 6
PAGE_SIZE = 12


def check_showable(rights_status: str) -> None:
    if rights_status in HIDDEN_STATUSES:
        raise DomainError("已撤销或已被替代的登记不能展示。")


def clean_blurb(text: str) -> str:
    """The 简介 stripped, with its length checked (counted in characters, as readers see it)."""
    text = " ".join((text or "").split())
    if not text:
        raise DomainError("请填写简介。", field="blurb")
    if len(text) > MAX_BLURB:
        raise DomainError(f"简介不能超过 {MAX_BLURB} 个字（现有 {len(text)} 个）。", field="blurb")
    return text


def check_images(chosen: list[int], allowed: set[int]) -> list[int]:
    """The chosen sample ids, duplicates dropped in order; each must be one of ``allowed`` (the
    work's own image samples)."""
    unique = list(dict.fromkeys(chosen))
    if not unique:
        raise DomainError("请至少选择一张样品图片。", field="samples")
    if len(unique) > MAX_IMAGES:
        raise DomainError(f"最多选择 {MAX_IMAGES} 张图片。", field="samples")
    if not set(unique) <= allowed:
        raise DomainError("只能选择该作品自己的图片样品。", field="samples")
    return unique
