"""The lexicon's JSON API (``/api/v1/lexicon``): registrars download the sensitive-word
library, e.g. to keep another system in step. Changes are made in the back office."""

from typing import Literal

from django.http import HttpRequest, HttpResponse
from ninja import Router

from banquan.applications.api import current_user
from banquan.core.errors import PermissionDenied
from banquan.lexicon import services
from banquan.lexicon.downloads import file_response

router = Router(tags=["lexicon"])


@router.get("/export", summary="Download the sensitive-word lexicon", openapi_extra={"responses": {200: {
                "description": "text: one `term<TAB>category<TAB>level` a line; csv: columns term,category,level; "
                               "whitelist: one term a line. UTF-8.",
                "content": {"text/plain": {}, "text/csv": {}}}}})
def export(request: HttpRequest, fmt: Literal["text", "csv", "whitelist"] = "text",
           version: int | None = None) -> HttpResponse:
    """The active terms now, or as of lexicon ``version`` (a number from the back office's
    version list); ``fmt=whitelist`` gives the whitelist instead."""
    if not current_user(request).is_registrar:
        raise PermissionDenied("只有登记管理员可以导出敏感词库。")
    if fmt == "whitelist":
        content = services.export_whitelist(version=version)
    else:
        content = services.export(fmt, version=version)
    stem = "whitelist" if fmt == "whitelist" else "lexicon"
    return file_response(content, kind=fmt, name=f"{stem}-v{version}" if version else stem)
