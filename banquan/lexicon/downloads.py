"""Lexicon files as HTTP downloads (back office and API)."""

from django.http import HttpResponse

# A byte-order mark lets spreadsheet programs open the Chinese CSV as UTF-8; ``decode`` and
# ``parse_csv`` read it back.
_KINDS = {
    "text": ("text/plain; charset=utf-8", "txt", ""),
    "csv": ("text/csv; charset=utf-8", "csv", "\ufeff"),
    "whitelist": ("text/plain; charset=utf-8", "txt", ""),
}


def file_response(content: str, *, kind: str, name: str) -> HttpResponse:
    """``name`` without extension, ASCII (e.g. ``lexicon-v12``)."""
    content_type, extension, prefix = _KINDS[kind]
    response = HttpResponse((prefix + content).encode("utf-8"), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response
