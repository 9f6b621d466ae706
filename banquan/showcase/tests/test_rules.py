"""The pure showcase rules."""

import pytest

from banquan.core.errors import DomainError
from banquan.showcase import rules


def test_blurb_is_trimmed_and_limited_in_characters():
    assert rules.clean_blurb("  水墨长卷，\n 四季山水。 ") == "水墨长卷， 四季山水。"
    assert rules.clean_blurb("山" * rules.MAX_BLURB) == "山" * rules.MAX_BLURB
    with pytest.raises(DomainError) as too_long:
        rules.clean_blurb("山" * (rules.MAX_BLURB + 1))
    assert too_long.value.field == "blurb" and str(rules.MAX_BLURB + 1) in too_long.value.message
    with pytest.raises(DomainError):
        rules.clean_blurb("   ")


def test_images_must_be_the_works_own():
    assert rules.check_images([3, 1, 3], {1, 2, 3}) == [3, 1]
    for chosen in ([], [4], list(range(rules.MAX_IMAGES + 1))):
        with pytest.raises(DomainError) as refused:
            rules.check_images(chosen, set(range(20)) if len(chosen) > 1 else {1, 2, 3})
        assert refused.value.field == "samples"


def test_revoked_and_superseded_cannot_be_shown():
    for status in ("valid", "pledged", "seized"):
        rules.check_showable(status)
    for status in ("revoked", "superseded"):
        with pytest.raises(DomainError):
            rules.check_showable(status)
