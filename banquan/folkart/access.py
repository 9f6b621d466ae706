"""Who may do what on the folk-art platform (no database)."""

from typing import Any


def is_office(user: Any) -> bool:
    """Reviews pre-registrations and sees items of every state: reviewers, registrars, staff."""
    return bool(getattr(user, "is_authenticated", False)
                and (user.is_reviewer or user.is_registrar or user.is_staff))


def is_editor(user: Any) -> bool:
    """Enters library items directly, writes policies and keeps the station directory."""
    return bool(getattr(user, "is_authenticated", False) and (user.is_registrar or user.is_staff))


def may_see(user: Any, item: Any) -> bool:
    """Accepted items are public; others only to their applicant and the office."""
    if item.status == "accepted":
        return True
    return bool(getattr(user, "is_authenticated", False)
                and (item.applicant_id == user.pk or is_office(user)))
