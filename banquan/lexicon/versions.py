"""Numbered lexicon versions: every change first locks the version counter (which queues
concurrent changes) and ends by storing a full snapshot and an audit entry. Called by
``lexicon.services`` inside its transaction; nothing here opens one."""

import hashlib
import json

from banquan.core import clock
from banquan.ledger import services as ledger
from banquan.lexicon.models import Category, LexiconVersion, Term, VersionCounter, WhitelistTerm
from banquan.screening.text import lexicon as files

# Every lexicon audit entry has this subject; ``ledger.history(SUBJECT)`` is the lexicon's log.
SUBJECT = "lexicon"


def begin() -> int:
    """Lock the lexicon for the change in progress and return the number its version gets.

    The row lock lasts until the transaction ends (PostgreSQL; SQLite holds its write lock from
    BEGIN IMMEDIATE), so two changes never interleave; a change that turns out to change
    nothing, or fails, just does not ``record`` and leaves the number for the next one."""
    VersionCounter.objects.bulk_create([VersionCounter(pk=1)], ignore_conflicts=True)
    return VersionCounter.objects.select_for_update().values_list("last", flat=True).get(pk=1) + 1


def current_terms() -> list[files.Term]:
    """The active terms, by category order then text (sorted here, by code point, so the file
    is the same whatever the database's collation)."""
    rows = Term.objects.filter(active=True).values_list("category__position", "category__name", "text", "level")
    return [files.Term(text, category, level) for _, category, text, level in sorted(rows)]


def current_whitelist() -> list[str]:
    return sorted(WhitelistTerm.objects.values_list("text", flat=True))


def current_categories() -> list[dict]:
    return [dict(row) for row in Category.objects.values("name", "major_topic", "description", "position")]


def record(*, number: int, by, action: str, summary: str, data: dict | None = None) -> LexiconVersion:
    """Store version ``number`` (the state now, inside the change's transaction) and log it."""
    terms = current_terms()
    whitelist = current_whitelist()
    terms_text = files.dump_text(terms)
    whitelist_text = "".join(f"{w}\n" for w in whitelist)
    categories = current_categories()
    digest = hashlib.sha256(
        "\0".join([terms_text, whitelist_text, json.dumps(categories, ensure_ascii=False, sort_keys=True)])
        .encode()
    ).hexdigest()
    VersionCounter.objects.filter(pk=1).update(last=number)
    version = LexiconVersion.objects.create(
        number=number, created_at=clock.now(), created_by=by if getattr(by, "pk", None) else None,
        summary=summary[:200], term_count=len(terms), whitelist_count=len(whitelist),
        terms_text=terms_text, whitelist_text=whitelist_text, categories=categories, digest=digest,
    )
    ledger.record(actor=by, subject=SUBJECT, action=action, from_state=str(number - 1), to_state=str(number),
                  reason=summary, data=data)
    return version
