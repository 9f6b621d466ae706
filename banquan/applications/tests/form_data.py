"""Build the POST body the application form sends, as a browser would."""

import datetime as dt

from banquan.testing import factories


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def form_post(fields: dict | None = None, authors: list[dict] | None = None, owners: list[dict] | None = None,
              *, initial_authors: int = 0, initial_owners: int = 0, **extra) -> dict:
    """A complete form body by default; pass ``fields`` to override some inputs."""
    values = factories.complete_fields(**(fields or {}))
    data: dict = {}
    for name, value in values.items():
        if name == "rights":
            data[name] = list(value)
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = _text(value)
    for prefix, rows, initial in (("authors", factories.authors() if authors is None else authors, initial_authors),
                                  ("owners", factories.owners() if owners is None else owners, initial_owners)):
        data[f"{prefix}-TOTAL_FORMS"] = str(len(rows))
        data[f"{prefix}-INITIAL_FORMS"] = str(initial)
        data[f"{prefix}-MIN_NUM_FORMS"] = "0"
        data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
        for i, row in enumerate(rows):
            for key, value in row.items():
                data[f"{prefix}-{i}-{key}"] = value
    data.update(extra)
    return data
