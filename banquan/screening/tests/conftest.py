import pytest

from banquan.review import services as review
from banquan.screening.tests import documents
from banquan.testing import factories


@pytest.fixture
def lexicon(db):
    documents.load_lexicon()


@pytest.fixture
def accept(django_capture_on_commit_callbacks, reviewer):
    """Accept an application as the office does; the screening job (immediate in tests)
    runs when the acceptance commits."""

    def accept_(app, by=None):
        with django_capture_on_commit_callbacks(execute=True):
            review.accept(reviewer=by or reviewer, app_id=app.pk)
        return app

    return accept_


@pytest.fixture
def accepted(applicant, accept, lexicon, clock):
    """An accepted application with the given form fields, screened."""

    def accepted_(**fields):
        return accept(factories.submitted(applicant, **fields))

    return accepted_
