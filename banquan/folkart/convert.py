"""Converting an accepted pre-registration into a formal work registration application (转为正式
登记申请): a draft made through ``applications.services`` with the mapped category, the creation
facts and the item's images copied as samples; linked both ways, and only once."""

import io

from django.db import transaction
from django.utils.translation import gettext as _

from banquan.accounts.models import User
from banquan.applications import services as applications
from banquan.applications.models import Application
from banquan.core import clock
from banquan.core.errors import InvalidTransition
from banquan.core.storage import store
from banquan.folkart import conversion, states
from banquan.folkart.models import FolkItem
from banquan.folkart.services import locked, own
from banquan.ledger import services as ledger


def facts(item: FolkItem) -> conversion.ItemFacts:
    return conversion.ItemFacts(
        name=item.name, category=item.category, number=item.number or "", province=item.province,
        city=item.city, district=item.district, community=item.community, filer_name=item.filer_name,
        description=item.description, history=item.history,
        inheritors=[i.name for i in item.inheritors.all()],
    )


def convert(*, applicant: User, item_id: int) -> Application:
    """Make the draft. The item's row is locked first, so a second (or concurrent) click finds
    the link and is refused instead of making a second application."""
    copied: list[str] = []
    try:
        with transaction.atomic():
            item = locked(item_id)
            own(item, applicant)
            if item.application_id is not None:
                raise InvalidTransition(_("已转为正式登记申请 %(reference)s，不能重复转换。")
                                        % {"reference": item.application.reference})  # type: ignore[union-attr]
            if item.status != states.ACCEPTED:
                raise InvalidTransition(_("只有已入库的预登记可以转为正式登记申请。"))
            f = facts(item)
            app = applications.create_draft(applicant=applicant, fields=conversion.draft_fields(f),
                                            authors=conversion.draft_authors(f), owners=[])
            for media in item.media.filter(media_type="image"):
                with store().open(media.blob_key) as blob:
                    sample = applications.add_sample(applicant=applicant, app_id=app.pk, name=media.original_name,
                                                     file=io.BytesIO(blob.read()), size=media.size)
                copied.append(sample.blob_key)
            item.application, item.converted_at = app, clock.now()
            item.save()
            ledger.record(actor=applicant, subject=item.subject, action="convert",
                          data={"application": app.reference, "samples": len(copied)})
            ledger.record(actor=applicant, subject=app.subject, action="from_folk_prereg",
                          data={"number": item.number})
    except BaseException:
        for key in copied:  # the samples' rows rolled back with the draft: drop their blobs
            store().delete(key)
        raise
    return app
