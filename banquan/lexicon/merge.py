"""Bringing a whole list of terms (an imported file, an old version) into the tables in a few
set-based statements, fast enough for a 64,000-term lexicon. Used by ``lexicon.services``
inside its transaction."""

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from banquan.core import clock
from banquan.lexicon.models import Category, Term, WhitelistTerm
from banquan.screening.text import lexicon as files

CHUNK = 500  # ids per IN (...), well below SQLite's limit on query parameters


@dataclass(frozen=True)
class Counts:
    total: int
    added: int = 0
    updated: int = 0
    deactivated: int = 0  # terms; for the whitelist: entries removed

    @property
    def unchanged(self) -> int:
        return self.total - self.added - self.updated

    def as_dict(self) -> dict:
        return {"total": self.total, "added": self.added, "updated": self.updated,
                "deactivated": self.deactivated, "unchanged": self.unchanged}


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i:i + CHUNK]


def terms(parsed: list[files.Term], categories: dict[str, Category], *, replace: bool) -> Counts:
    """Add the new terms, update and (re)activate the changed ones; with ``replace`` also
    deactivate the active terms the list does not have. Terms are never deleted, so notes
    and history stay. Every category in ``parsed`` must be in ``categories``."""
    now = clock.now()
    existing = {text: (pk, category_id, level, active) for text, pk, category_id, level, active
                in Term.objects.values_list("text", "pk", "category_id", "level", "active")}
    new: list[Term] = []
    changed: dict[tuple[int, int], list[int]] = defaultdict(list)
    for t in parsed:
        category_id = categories[t.category].pk
        row = existing.get(t.text)
        if row is None:
            new.append(Term(text=t.text, category_id=category_id, level=t.level, active=True,
                            created_at=now, updated_at=now))
        elif row[1:] != (category_id, t.level, True):
            changed[(category_id, t.level)].append(row[0])
    Term.objects.bulk_create(new, batch_size=CHUNK)
    for (category_id, level), ids in changed.items():
        for chunk in _chunks(ids):
            Term.objects.filter(pk__in=chunk).update(category_id=category_id, level=level, active=True,
                                                     updated_at=now)
    dropped: list[int] = []
    if replace:
        keep = {t.text for t in parsed}
        dropped = [row[0] for text, row in existing.items() if row[3] and text not in keep]
        for chunk in _chunks(dropped):
            Term.objects.filter(pk__in=chunk).update(active=False, updated_at=now)
    return Counts(total=len(parsed), added=len(new), updated=sum(len(ids) for ids in changed.values()),
                  deactivated=len(dropped))


def whitelist(parsed: list[str], *, replace: bool) -> Counts:
    """Add the entries not there yet; with ``replace`` also remove the ones the list lacks."""
    existing = dict(WhitelistTerm.objects.values_list("text", "pk"))
    now = clock.now()
    new = [WhitelistTerm(text=text, created_at=now) for text in parsed if text not in existing]
    WhitelistTerm.objects.bulk_create(new, batch_size=CHUNK)
    dropped: list[int] = []
    if replace:
        keep = set(parsed)
        dropped = [pk for text, pk in existing.items() if text not in keep]
        for chunk in _chunks(dropped):
            WhitelistTerm.objects.filter(pk__in=chunk).delete()
    return Counts(total=len(parsed), added=len(new), deactivated=len(dropped))
