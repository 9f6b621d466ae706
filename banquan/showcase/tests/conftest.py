import io

import pytest

from banquan.applications import services as applications
from banquan.review import services as review
from banquan.testing import factories


def registered_with_two_images(applicant, reviewer, **overrides):
    """A registered work with two image samples (red and blue)."""
    app = factories.draft(applicant, **overrides)
    data = factories.png_bytes(color=(20, 40, 200))
    applications.add_sample(applicant=applicant, app_id=app.pk, name="second.png", file=io.BytesIO(data),
                            size=len(data))
    applications.submit(applicant=applicant, app_id=app.pk)
    review.accept(reviewer=reviewer, app_id=app.pk)
    review.start_review(reviewer=reviewer, app_id=app.pk)
    return review.approve(reviewer=reviewer, app_id=app.pk, reason="材料齐全，符合登记条件。")


@pytest.fixture
def work(clock, applicant, reviewer):
    return registered_with_two_images(applicant, reviewer)
