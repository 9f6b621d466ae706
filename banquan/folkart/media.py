"""Images, audio and video of folk-art items, in the blob store, with the same checks as
work samples (``applications.uploads`` for the real type and size, ``media_checks`` for files
that must open). The applicant adds them while the item is undecided; staff at any time."""

import hashlib
import uuid
from functools import partial
from pathlib import PurePath
from typing import BinaryIO

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from banquan.accounts.models import User
from banquan.applications import media_checks, uploads
from banquan.core.errors import DomainError, InvalidTransition, NotFound
from banquan.core.storage import store
from banquan.folkart import access, states
from banquan.folkart.models import FolkItem, Media
from banquan.folkart.services import locked, own
from banquan.ledger import services as ledger

KINDS = {"image", "audio", "video"}


def _may_change(item: FolkItem, user: User) -> None:
    if access.is_editor(user):
        return
    own(item, user)
    if item.status not in states.EDITABLE:
        raise InvalidTransition(_("预登记已审核，不能再上传或删除文件。"))


def _suffix(name: str) -> str:
    ext = PurePath(name).suffix.lower()
    return ext if ext.isascii() and len(ext) <= 8 else ""


def add(*, user: User, item_id: int, name: str, file: BinaryIO, size: int, caption: str = "") -> Media:
    """Check and store one file; the blob is written first and removed again if the row fails."""
    head = file.read(8192)
    file.seek(0)
    detected = uploads.detect(name, head, size, settings.BANQUAN_UPLOAD_LIMITS)
    if detected.media_type not in KINDS:
        raise DomainError(_("民间文艺项目只能上传图片、音频或视频文件。"), field="file")
    media_checks.check(name, detected.media_type, file)
    media_id = uuid.uuid4()
    key = f"folkart/{media_id.hex[:2]}/{media_id.hex}{_suffix(name)}"
    data = file.read()
    store().put(key, data)
    try:
        with transaction.atomic():
            item = locked(item_id)
            _may_change(item, user)
            media = Media.objects.create(
                item=item, media_type=detected.media_type, content_type=detected.content_type,
                original_name=name[:255], caption=caption.strip()[:200], blob_key=key, size=len(data),
                sha256=hashlib.sha256(data).hexdigest(), uuid=media_id,
            )
            ledger.record(actor=user, subject=item.subject, action="add_media",
                          data={"name": name, "sha256": media.sha256, "size": media.size})
    except BaseException:
        store().delete(key)
        raise
    return media


@transaction.atomic
def remove(*, user: User, item_id: int, media_id: int) -> None:
    item = locked(item_id)
    _may_change(item, user)
    media = item.media.filter(pk=media_id).first()
    if media is None:
        raise NotFound(_("文件不存在。"))
    key = media.blob_key
    media.delete()
    ledger.record(actor=user, subject=item.subject, action="remove_media", data={"name": media.original_name})
    transaction.on_commit(partial(store().delete, key))
