"""Changing the sensitive-word library: categories, terms, the whitelist, file imports and
restoring an old version. Each change runs in one transaction, stores a new numbered
``LexiconVersion`` (a full snapshot) and an audit entry under the subject ``lexicon``.

``by`` is the registrar making the change, or None for the system (the demo seeder).
"""

from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from banquan.accounts.models import User
from banquan.core import clock
from banquan.core.errors import DomainError, NotFound, ValidationFailed
from banquan.lexicon import checks, merge, versions
from banquan.lexicon.models import Category, LexiconVersion, Term, WhitelistTerm
from banquan.lexicon.screener import current_screener, current_screener_with_version
from banquan.screening.text import lexicon as files

__all__ = [
    "FORMATS", "add_category", "add_term", "add_whitelist_term", "categories_major_topic",
    "current_screener", "current_screener_with_version",
    "deactivate_term", "delete_category", "edit_category", "edit_term", "edit_whitelist_term", "export",
    "export_whitelist", "import_terms", "import_whitelist", "load_demo", "remove_whitelist_term",
    "remove_whitelist_terms", "restore", "set_terms_active",
]

FORMATS = ("text", "csv")
DEMO_DIR = Path(__file__).resolve().parent


def categories_major_topic() -> set[str]:
    """Names of the categories whose hits send an application to the special review group."""
    return set(Category.objects.filter(major_topic=True).values_list("name", flat=True))


# --- categories ----------------------------------------------------------------------------

@transaction.atomic
def add_category(*, by: User | None, name: str, major_topic: bool = False, description: str = "",
                 position: int = 0) -> Category:
    checks.may_edit(by)
    number = versions.begin()
    category = Category.objects.create(name=checks.new_category_name(name), major_topic=major_topic,
                                       description=description.strip(), position=position)
    versions.record(number=number, by=by, action="category_add", summary=f"新增类别“{category.name}”",
                    data={"category": category.name, "major_topic": major_topic})
    return category


@transaction.atomic
def edit_category(*, by: User | None, category_id: int, name: str | None = None, major_topic: bool | None = None,
                  description: str | None = None, position: int | None = None) -> Category:
    checks.may_edit(by)
    number = versions.begin()
    category = Category.objects.filter(pk=category_id).first()
    if category is None:
        raise NotFound(_("类别不存在。"))
    before = {"name": category.name, "major_topic": category.major_topic,
              "description": category.description, "position": category.position}
    if name is not None:
        category.name = checks.new_category_name(name, exclude=category.pk)
    if major_topic is not None:
        category.major_topic = major_topic
    if description is not None:
        category.description = description.strip()
    if position is not None:
        category.position = position
    after = {k: getattr(category, k) for k in before}
    changes = {k: [before[k], after[k]] for k in before if before[k] != after[k]}
    if changes:
        category.save()
        versions.record(number=number, by=by, action="category_edit", summary=f"修改类别“{category.name}”",
                        data={"category": category.name, "changes": changes})
    return category


@transaction.atomic
def delete_category(*, by: User | None, category_id: int) -> None:
    checks.may_edit(by)
    number = versions.begin()
    category = Category.objects.filter(pk=category_id).first()
    if category is None:
        raise NotFound(_("类别不存在。"))
    used = Term.objects.filter(category=category).count()
    if used:
        raise DomainError(_("类别“%(name)s”下还有 %(n)d 条词条（含已停用的），不能删除。")
                          % {"name": category.name, "n": used})
    category.delete()
    versions.record(number=number, by=by, action="category_delete", summary=f"删除类别“{category.name}”",
                    data={"category": category.name})


# --- terms ---------------------------------------------------------------------------------

@transaction.atomic
def add_term(*, by: User | None, text: str, category: str = files.DEFAULT_CATEGORY,
             level: int = files.DEFAULT_LEVEL, note: str = "") -> Term:
    checks.may_edit(by)
    number = versions.begin()
    text = checks.term_text(text)
    found = checks.existing_category(category)
    level = checks.term_level(level)
    checks.unique_term(text)
    now = clock.now()
    term = Term.objects.create(text=text, category=found, level=level, note=note.strip(), created_at=now,
                               updated_at=now)
    versions.record(number=number, by=by, action="term_add", summary=f"新增词条“{text}”",
                    data={"term": text, "category": found.name, "level": level})
    return term


def _term_facts(term: Term) -> dict:
    return {"text": term.text, "category": term.category.name, "level": term.level, "active": term.active,
            "note": term.note}


@transaction.atomic
def edit_term(*, by: User | None, term_id: int, text: str | None = None, category: str | None = None,
              level: int | None = None, active: bool | None = None, note: str | None = None) -> Term:
    """Change the given fields (None leaves a field as it is)."""
    checks.may_edit(by)
    number = versions.begin()
    term = Term.objects.select_related("category").filter(pk=term_id).first()
    if term is None:
        raise NotFound(_("词条不存在。"))
    before = _term_facts(term)
    if text is not None:
        term.text = checks.term_text(text)
        checks.unique_term(term.text, exclude=term.pk)
    if category is not None:
        term.category = checks.existing_category(category)
    if level is not None:
        term.level = checks.term_level(level)
    if active is not None:
        term.active = active
    if note is not None:
        term.note = note.strip()
    after = _term_facts(term)
    changes = {k: [before[k], after[k]] for k in before if before[k] != after[k]}
    if changes:
        term.updated_at = clock.now()
        term.save()
        verb = ("启用" if term.active else "停用") if changes.keys() == {"active"} else "修改"
        versions.record(number=number, by=by, action="term_edit", summary=f"{verb}词条“{before['text']}”",
                        data={"term": before["text"], "changes": changes})
    return term


def deactivate_term(*, by: User | None, term_id: int) -> Term:
    return edit_term(by=by, term_id=term_id, active=False)


@transaction.atomic
def set_terms_active(*, by: User | None, term_ids: list[int], active: bool) -> int:
    """Enable or disable several terms as one change; returns how many changed."""
    checks.may_edit(by)
    number = versions.begin()
    rows = Term.objects.filter(pk__in=term_ids).exclude(active=active)
    texts = sorted(rows.values_list("text", flat=True))
    if texts:
        rows.update(active=active, updated_at=clock.now())
        verb = "启用" if active else "停用"
        versions.record(number=number, by=by, action="terms_enable" if active else "terms_disable",
                        summary=f"{verb} {len(texts)} 条词条", data={"terms": texts[:200], "count": len(texts)})
    return len(texts)


# --- whitelist -----------------------------------------------------------------------------

@transaction.atomic
def add_whitelist_term(*, by: User | None, text: str, note: str = "") -> WhitelistTerm:
    checks.may_edit(by)
    number = versions.begin()
    text = checks.term_text(text)
    if WhitelistTerm.objects.filter(text=text).exists():
        raise ValidationFailed({"text": [_("“%(text)s”已在白名单中。") % {"text": text}]})
    entry = WhitelistTerm.objects.create(text=text, note=note.strip(), created_at=clock.now())
    versions.record(number=number, by=by, action="whitelist_add", summary=f"白名单新增“{text}”",
                    data={"term": text})
    return entry


@transaction.atomic
def edit_whitelist_term(*, by: User | None, entry_id: int, text: str | None = None,
                        note: str | None = None) -> WhitelistTerm:
    checks.may_edit(by)
    number = versions.begin()
    entry = WhitelistTerm.objects.filter(pk=entry_id).first()
    if entry is None:
        raise NotFound(_("白名单词条不存在。"))
    before = {"text": entry.text, "note": entry.note}
    if text is not None:
        entry.text = checks.term_text(text)
        if WhitelistTerm.objects.filter(text=entry.text).exclude(pk=entry.pk).exists():
            raise ValidationFailed({"text": [_("“%(text)s”已在白名单中。") % {"text": entry.text}]})
    if note is not None:
        entry.note = note.strip()
    changes = {k: [v, getattr(entry, k)] for k, v in before.items() if v != getattr(entry, k)}
    if changes:
        entry.save()
        versions.record(number=number, by=by, action="whitelist_edit", summary=f"修改白名单词条“{before['text']}”",
                        data={"term": before["text"], "changes": changes})
    return entry


@transaction.atomic
def remove_whitelist_terms(*, by: User | None, entry_ids: list[int]) -> int:
    checks.may_edit(by)
    number = versions.begin()
    rows = WhitelistTerm.objects.filter(pk__in=entry_ids)
    texts = sorted(rows.values_list("text", flat=True))
    if texts:
        rows.delete()
        summary = f"白名单删除“{texts[0]}”" if len(texts) == 1 else f"白名单删除 {len(texts)} 条"
        versions.record(number=number, by=by, action="whitelist_remove", summary=summary,
                        data={"terms": texts[:200], "count": len(texts)})
    return len(texts)


def remove_whitelist_term(*, by: User | None, entry_id: int) -> None:
    if not remove_whitelist_terms(by=by, entry_ids=[entry_id]):
        raise NotFound(_("白名单词条不存在。"))


# --- files ---------------------------------------------------------------------------------

def _import_summary(kind: str, counts: merge.Counts, *, replace: bool, removed: str) -> str:
    parts = [f"新增 {counts.added}"]
    if counts.updated:
        parts.append(f"更新 {counts.updated}")
    parts.append(f"未变 {counts.unchanged}")
    if replace:
        parts.append(f"{removed} {counts.deactivated}")
    return f"{kind}导入 {counts.total} 条（{'，'.join(parts)}）" + ("，替换原有" if replace else "")


@transaction.atomic
def import_terms(*, by: User | None, data: bytes, fmt: str, replace: bool) -> LexiconVersion:
    """Import a term file (``fmt`` "text" or "csv", UTF-8 or GB18030). All or nothing: any broken
    line or unknown category refuses the whole file, listing every such line. ``replace`` makes
    the lexicon exactly the file (terms not in it are deactivated); otherwise the file is merged."""
    checks.may_edit(by)
    if fmt not in FORMATS:
        raise ValidationFailed({"fmt": [_("文件格式应为 text 或 csv。")]})
    number = versions.begin()
    categories = {c.name: c for c in Category.objects.all()}
    parse = files.parse_csv if fmt == "csv" else files.parse_text
    try:
        parsed = parse(checks.decoded(data), categories=set(categories))
    except files.LexiconError as e:
        raise ValidationFailed({"file": [str(err) for err in e.errors]}) from None
    if not parsed:
        raise ValidationFailed({"file": [_("文件中没有词条。")]})
    counts = merge.terms(parsed, categories, replace=replace)
    return versions.record(number=number, by=by, action="import_terms",
                           summary=_import_summary("", counts, replace=replace, removed="停用"),
                           data={"fmt": fmt, "replace": replace, **counts.as_dict()})


@transaction.atomic
def import_whitelist(*, by: User | None, data: bytes, replace: bool) -> LexiconVersion:
    """Import a whitelist file, one term a line; all or nothing like ``import_terms``."""
    checks.may_edit(by)
    number = versions.begin()
    try:
        parsed = files.parse_whitelist(checks.decoded(data))
    except files.LexiconError as e:
        raise ValidationFailed({"file": [str(err) for err in e.errors]}) from None
    if not parsed:
        raise ValidationFailed({"file": [_("文件中没有词条。")]})
    counts = merge.whitelist(parsed, replace=replace)
    return versions.record(number=number, by=by, action="import_whitelist",
                           summary=_import_summary("白名单", counts, replace=replace, removed="删除"),
                           data={"replace": replace, **counts.as_dict()})


def _version(number: int) -> LexiconVersion:
    version = LexiconVersion.objects.filter(number=number).first()
    if version is None:
        raise NotFound(_("词库版本 %(n)s 不存在。") % {"n": number})
    return version


def export(fmt: str = "text", *, version: int | None = None) -> str:
    """The active terms (now, or as of ``version``) as a text or CSV file."""
    if fmt not in FORMATS:
        raise ValidationFailed({"fmt": [_("文件格式应为 text 或 csv。")]})
    terms = versions.current_terms() if version is None else files.parse_text(_version(version).terms_text)
    return files.dump_csv(terms) if fmt == "csv" else files.dump_text(terms)


def export_whitelist(*, version: int | None = None) -> str:
    return _version(version).whitelist_text if version is not None else "".join(
        f"{text}\n" for text in versions.current_whitelist())


@transaction.atomic
def restore(*, by: User | None, version: int) -> LexiconVersion:
    """Make the lexicon what it was in ``version``: its terms active with their category and
    level, every other term deactivated, its whitelist; categories it used and that are gone
    since are recreated. The result is a new version (history is never rewritten)."""
    checks.may_edit(by)
    old = _version(version)
    number = versions.begin()
    parsed = files.parse_text(old.terms_text)
    categories = {c.name: c for c in Category.objects.all()}
    recorded = {c["name"]: c for c in old.categories}
    for name in sorted({t.category for t in parsed} - set(categories)):
        info = recorded.get(name, {})
        categories[name] = Category.objects.create(
            name=name, major_topic=info.get("major_topic", False), description=info.get("description", ""),
            position=info.get("position", 0))
    counts = merge.terms(parsed, categories, replace=True)
    listed = merge.whitelist(files.parse_whitelist(old.whitelist_text), replace=True)
    return versions.record(number=number, by=by, action="restore", summary=f"恢复到第 {old.number} 版",
                           data={"version": old.number, "terms": counts.as_dict(), "whitelist": listed.as_dict()})


@transaction.atomic
def load_demo(*, by: User | None) -> LexiconVersion:
    """Merge the small demo lexicon and whitelist (for ``banquan demo``) as one version."""
    checks.may_edit(by)
    number = versions.begin()
    categories = {c.name: c for c in Category.objects.all()}
    parsed = files.parse_text((DEMO_DIR / "demo_terms.txt").read_text("utf-8"), categories=set(categories))
    counts = merge.terms(parsed, categories, replace=False)
    merge.whitelist(files.parse_whitelist((DEMO_DIR / "demo_whitelist.txt").read_text("utf-8")), replace=False)
    return versions.record(number=number, by=by, action="load_demo", summary="载入演示词库",
                           data=counts.as_dict())
