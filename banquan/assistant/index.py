"""The retrieval index this process uses, rebuilt when the knowledge base changes (no restart).

Each question asks the database for the active articles' (id, digest) pairs — one small query —
and reuses the cached index when they are the same as when it was built. An edit in the back
office changes the article's digest, so the next question anywhere rebuilds from the database.
The key is the content's hash rather than a counter, so a rolled-back edit or a reset test
database can never leave a stale index. Building takes milliseconds for the shipped articles.
"""

import threading
from dataclasses import dataclass

from banquan.assistant import knowledge
from banquan.assistant.models import Article
from banquan.assistant.retrieval import Index

Key = tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class _Built:
    key: Key
    index: Index


_cache: _Built | None = None
_lock = threading.Lock()


def _key() -> Key:
    return tuple(Article.objects.filter(active=True).order_by("id").values_list("id", "digest"))


def _build(key: Key) -> Index:
    rows = Article.objects.filter(pk__in=[pk for pk, _ in key]).order_by("position", "slug")
    return Index([p for a in rows for p in knowledge.passages(a.slug, a.title, a.body)])


def current() -> Index:
    global _cache
    key = _key()
    built = _cache
    if built is not None and built.key == key:
        return built.index
    with _lock:
        built = _cache
        if built is None or built.key != key:
            built = _Built(key, _build(key))
            _cache = built
        return built.index
