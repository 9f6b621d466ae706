"""The articles shipped with the system (``knowledge/NN-slug.md``), loaded into the database by
the data migration and, for articles added in a later release, by ``load_shipped``."""

import hashlib
from dataclasses import dataclass
from pathlib import Path

from banquan.assistant import knowledge

DIR = Path(__file__).resolve().parent / "knowledge"


@dataclass(frozen=True)
class ShippedArticle:
    slug: str
    title: str
    body: str
    position: int


def articles() -> list[ShippedArticle]:
    found = []
    for path in sorted(DIR.glob("*.md")):
        number, slug = path.stem.split("-", 1)
        body = path.read_text(encoding="utf-8")
        found.append(ShippedArticle(slug, knowledge.title_of(body, slug), body, int(number)))
    return found


def digest(*, slug: str, title: str, body: str, active: bool) -> str:
    return hashlib.sha256("\0".join([slug, title, body, "1" if active else "0"]).encode()).hexdigest()
