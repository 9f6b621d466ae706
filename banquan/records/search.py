"""Public search over registrations: by registration number, or by words of the number, the
title and the owner names through the character-bigram index (``SearchGram``, filled by
``services.index_for_search``; see ``search_terms``).

A query's candidates are the registrations holding all of its selected bigrams, found with one
``GROUP BY registration HAVING COUNT(*) = n`` over the (gram, registration) index, so the
work follows the posting lists of those bigrams, not the table. Three choices keep it fast:

* Only the rarest few bigrams select candidates. Some bigrams are in nearly every record
  ("20", "00" and "国作" come from every registration number, "公司" from many owners);
  grouping their postings would cost far more than it narrows.
* When one bigram selects and most registrations hold it, the query walks registrations
  newest first and probes the index (EXISTS) instead of collecting and sorting every match.
* Holding every bigram does not prove the query occurs as one piece (owner 张三 plus title
  三丰山 hold both bigrams of 张三丰), so candidates are confirmed: first in SQL against the
  raw number, title and owner names, then, for the few the SQL check leaves out, in Python
  against the normalised texts (NFKC and case folding are not available in SQL on both
  databases, and the index is built from normalised text).
"""

import datetime as dt
import unicodedata

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from banquan.applications.models import Owner
from banquan.records import numbering, search_terms
from banquan.records.models import Registration, SearchGram

MAX_LIMIT = 100
# Postings counted per bigram when ranking a query's bigrams; bounded so ranking stays cheap.
RANKING_CAP = 20_000
# How many of the rarest bigrams select the candidates (more narrow little and cost a lot),
# and how much more common than the rarest one another may be and still be worth grouping.
SELECTING_GRAMS = 3
SELECTING_RATIO = 4
# Bigrams of a long query ranked at most; any subset selects a superset of the matches,
# which the confirmation step then narrows, so ranking them all would only cost time.
MAX_RANKED_GRAMS = 12
# Every registration number starts with this (``numbering.PATTERN``), so any part of it
# matches every registration.
_NUMBER_PREFIX = "国作登字-"


def search(
    q: str = "", *, category: str | None = None, year: int | None = None, region: str | None = None,
    limit: int = 20, offset: int = 0,
) -> tuple[list[Registration], int]:
    """Registrations matching ``q`` (newest first) and how many match in all.

    An empty query lists everything the filters allow; ``category`` is a category code
    (``fine_art``), ``year`` the registration year, ``region`` a ``Registration.region`` name.
    """
    limit = max(1, min(limit, MAX_LIMIT))
    offset = max(0, offset)
    regs = _filtered(category, year, region)
    number = _as_number(q)
    if number is not None:
        return _page(regs.filter(number=number), limit, offset)
    return _page(_matching(regs, search_terms.normalise(q)), limit, offset)


def _filtered(category: str | None, year: int | None, region: str | None = None) -> QuerySet[Registration]:
    # Newest first; (registered_on, id) rather than registered_at so the registered_on index
    # can serve the order (ids grow with registration time).
    regs = Registration.objects.order_by("-registered_on", "-id")
    if category:
        regs = regs.filter(category=category)
    if year:
        # The registration year is registered_on's year; as a date range the (category|region,
        # registered_on) indexes serve it together with the other filters, in the page's order.
        regs = regs.filter(registered_on__gte=dt.date(year, 1, 1), registered_on__lte=dt.date(year, 12, 31))
    if region:
        regs = regs.filter(region=region)
    return regs


def _as_number(q: str) -> str | None:
    """The canonical registration number if ``q`` is one (full-width dashes accepted)."""
    parsed = numbering.parse_number(unicodedata.normalize("NFKC", q).strip().upper())
    return numbering.format_number(*parsed) if parsed else None


def _matching(regs: QuerySet[Registration], needle: str) -> QuerySet[Registration]:
    if not needle or needle in _NUMBER_PREFIX:
        return regs
    if len(needle) == 1:
        # A single character has no bigram; a title scan is acceptable for this rare query.
        return regs.filter(title__icontains=needle)
    grams = sorted(search_terms.bigrams(needle))[:MAX_RANKED_GRAMS]
    counts = _posting_counts(grams)
    selecting = _worth_grouping(grams, counts)
    if not selecting:
        return regs.none()
    candidates = regs.filter(_holding_all(selecting, dense=counts[selecting[0]] >= RANKING_CAP))
    if len(needle) == 2:
        # A two-character query is its own only bigram, and bigrams never span two texts:
        # holding it means containing the query, so no confirmation is needed.
        return candidates
    return _confirmed(candidates, needle)


def _posting_counts(grams: list[str]) -> dict[str, int]:
    """How many registrations hold each bigram, counted up to RANKING_CAP (exactly if every
    bigram reaches the cap, as those of a number fragment do, to rank them all the same)."""
    counts = {g: SearchGram.objects.filter(gram=g)[:RANKING_CAP].count() for g in grams}
    if min(counts.values()) >= RANKING_CAP:
        exact = (SearchGram.objects.order_by().filter(gram__in=grams).values("gram")
                 .annotate(n=Count("*")).values_list("gram", "n"))
        counts = {g: 0 for g in grams} | dict(exact)
    return counts


def _worth_grouping(grams: list[str], counts: dict[str, int]) -> list[str]:
    """The rarest bigram and the next few that are not much more common; empty if a bigram
    is in no record at all (nothing can match)."""
    ranked = sorted(grams, key=lambda g: (counts[g], g))
    rarest = counts[ranked[0]]
    if rarest == 0:
        return []
    # A count at the cap only says "at least the cap": such a bigram joins only when exact
    # counts were taken because every bigram reached it.
    worth = SELECTING_RATIO * rarest if rarest >= RANKING_CAP else min(RANKING_CAP - 1, SELECTING_RATIO * rarest)
    return [ranked[0]] + [g for g in ranked[1:SELECTING_GRAMS] if counts[g] <= worth]


def _postings(gram: str) -> QuerySet:
    return SearchGram.objects.order_by().filter(gram=gram).values("registration_id")


def _holding_all(grams: list[str], *, dense: bool) -> Q | Exists:
    """A filter for the registrations whose index holds every one of ``grams``."""
    if len(grams) == 1 and dense:
        # Most registrations match: walking them newest first and probing the index fills a
        # page at once, where collecting every match first means sorting them all (SQLite
        # runs the query in the form it is written; PostgreSQL plans both forms alike).
        return Exists(SearchGram.objects.filter(gram=grams[0], registration=OuterRef("pk")))
    if len(grams) == 1:
        return Q(pk__in=_postings(grams[0]))
    return Q(pk__in=(
        SearchGram.objects.order_by()
        .filter(gram__in=grams)
        .values("registration_id")
        .annotate(held=Count("*"))
        .filter(held=len(grams))
        .values("registration_id")
    ))


def _confirmed(candidates: QuerySet[Registration], needle: str) -> QuerySet[Registration]:
    """The candidates whose number, title or an owner name contains ``needle``."""
    # Plain (case-sensitive) LIKE: UPPER() on every row costs more than the whole search on
    # PostgreSQL. Numbers are upper case; the needle is case-folded, so a title or name with
    # capitals that SQL misses is caught by the normalised check below.
    # Owner rows of a registered application are final (applications cannot be edited after
    # registration), so they hold the same names as the registered snapshot in ``data``.
    in_raw_text = (Q(number__contains=needle.upper()) | Q(title__contains=needle)
                   | Exists(Owner.objects.filter(application=OuterRef("application"), name__contains=needle)))
    # What SQL cannot see: width, case beyond ASCII and spacing differences ("ＡＢＣ 画册").
    # Few rows get here: only candidates that hold every bigram but fail the raw check.
    unsure = candidates.exclude(in_raw_text).values_list("pk", "number", "title", "data__owners")
    normalised_hits = [pk for pk, number, title, owners in unsure if _contains(needle, number, title, owners)]
    matching = candidates.filter(in_raw_text)
    return candidates.filter(Q(in_raw_text) | Q(pk__in=normalised_hits)) if normalised_hits else matching


def _contains(needle: str, number: str, title: str, owners: list[dict] | None) -> bool:
    texts = [number, title, *(o.get("name", "") for o in owners or [])]
    return any(needle in search_terms.normalise(t) for t in texts)


def _page(regs: QuerySet[Registration], limit: int, offset: int) -> tuple[list[Registration], int]:
    total = regs.count()
    if offset >= total:
        return [], total
    return list(regs[offset : offset + limit]), total
