"""A software application's own free text is screened at acceptance like a work's form."""

import pytest

from banquan.applications import services as applications
from banquan.review import services as review
from banquan.screening.models import Hit, Run
from banquan.screening.tests import documents
from banquan.screening.tests.documents import MAJOR
from banquan.testing import software as sw

pytestmark = pytest.mark.django_db


def test_main_functions_are_screened_and_major_topics_go_to_special_review(
        applicant, reviewer, clock, django_capture_on_commit_callbacks):
    documents.load_lexicon()
    with django_capture_on_commit_callbacks(execute=True):
        app = sw.draft(applicant, tree="waitress", main_functions=f"展示{MAJOR}历史资料，支持检索和导出。")
    applications.submit(applicant=applicant, app_id=app.pk)
    with django_capture_on_commit_callbacks(execute=True):
        review.accept(reviewer=reviewer, app_id=app.pk)
    hit = Hit.objects.get(run=Run.objects.get(application=app))
    assert hit.term == MAJOR
    assert hit.piece.source == "field:software.main_functions" and hit.piece.source_label == "软件的主要功能"
    app.refresh_from_db()
    assert app.special_review_required
