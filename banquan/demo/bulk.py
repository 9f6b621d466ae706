"""Load-test data: many registered works, written straight into the tables.

This deliberately BYPASSES THE SERVICES. Registering through them costs several transactions,
an audit entry per step and a certificate PDF per work, which for 100,000 works would take
hours; here rows are inserted in batches instead (Application, Author, Owner, Registration,
SearchGram, Certificate and one AuditEntry per work saying it was bulk-loaded). What the
services would guarantee is kept by hand:

- numbers come from the same per-(year, letter) ``SerialCounter`` rows, advanced in the batch's
  transaction, so later registrations through ``records.services.register`` continue the
  sequence without a gap or a duplicate;
- each registration's ``data`` has the shape of ``records.services.snapshot`` and its search
  bigrams are those ``records.services.index_for_search`` would write;
- certificates are signed with the office key over ``certificates.services.payload_for``, so
  the verify page and API accept them. PDFs are not rendered; they are made on first download.

Rows go in as plain tuples (COPY on PostgreSQL, one prepared INSERT on SQLite) with their
primary keys reserved beforehand: at this volume the ORM's per-value work costs more than the
database. About 2,000 registrations a second on 2 cores.

Works are dated on the working days of the three calendar years before this one, in order, so
within one load a later serial means a later registration date; no sample files are stored.
Do not run two loads at the same time.
"""

import base64
import datetime as dt
import json
import random
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, transaction

from banquan.accounts import services as accounts
from banquan.accounts.models import ApplicantKind, Role, User
from banquan.applications import categories
from banquan.applications.models import Application, Author, Owner
from banquan.certificates import signing
from banquan.certificates.models import Certificate
from banquan.certificates.services import payload_for, verify_url
from banquan.core import clock
from banquan.demo import people
from banquan.ledger.models import AuditEntry
from banquan.records import numbering, regions, search_terms
from banquan.records.models import Registration, SearchGram, SerialCounter
from banquan.stats import services as stats
from banquan.workdays import calendar

BULK_USERNAME = "demo-bulk"
BATCH = 2000
AUDIT_ACTION = "bulk_load"
AUDIT_REASON = "负载测试数据：批量写入，未经申请与审查流程。"

_TITLE_HEADS = ("春江", "秋山", "星河", "云海", "晨光", "暮雪", "古城", "长街", "青石", "白塔", "竹林", "海风",
                "归途", "远方", "故乡", "月光", "稻田", "灯火", "雨巷", "山歌", "落霞", "清泉", "松涛", "渔火",
                "梅影", "红墙", "胡同", "江南", "塞北", "大漠")
_TITLE_MIDDLES = ("", "", "", "之", "里的", "与", "下的", "深处的", "上的")
_TITLE_TAILS = {
    "written": ("记", "物语", "往事", "散文集", "诗选", "手记"), "oral": ("讲演录", "访谈", "口述"),
    "music": ("组曲", "小夜曲", "之歌", "随想曲"), "drama": ("（话剧）", "（戏曲剧本）"),
    "quyi": ("（相声）", "（评书）", "（快板）"), "fine_art": ("图", "长卷", "组画", "插画"),
    "photography": ("（摄影）", "影像集", "纪行"), "dance": ("（独舞）", "（群舞）"),
    "audiovisual": ("（动画短片）", "（纪录片）", "（微电影）"), "design_drawing": ("产品设计图", "外观设计图"),
    "map": ("导览图", "示意图"), "model": ("模型",), "architecture": ("游客中心", "美术馆", "图书馆"),
    "acrobatics": ("（杂技）",), "other": ("光影展", "装置"),
}
_ORG_WORDS = ("星辰", "锦绣", "华彩", "墨韵", "天工", "云图", "青禾", "博雅", "明德", "远景", "拾光", "匠心")
_ORG_TRADES = ("文化传媒", "影视制作", "设计", "科技", "出版", "动漫", "音乐", "建筑设计")


def count() -> int:
    return Application.objects.filter(applicant__username=BULK_USERNAME).count()


def ensure(total: int, *, batch: int = BATCH,
           progress: Callable[[int, int, float], None] | None = None) -> int:
    """Make sure ``total`` bulk-loaded registrations exist; returns how many were added."""
    applicant = _applicant()
    have = count()
    todo = total - have
    if todo <= 0:
        return 0
    _tune_connection()
    days = _working_days(clock.today().year)
    rng = random.Random(f"banquan-bulk-{have}")
    signer = _Signer()
    started = time.monotonic()
    for first in range(0, todo, batch):
        n = min(batch, todo - first)
        works = [_work(rng, days[(first + i) * len(days) // todo]) for i in range(n)]
        with transaction.atomic():
            _insert(applicant, works, signer)
        if progress:
            progress(first + n, todo, time.monotonic() - started)
    return todo


def _applicant() -> User:
    user = User.objects.filter(username=BULK_USERNAME).first()
    if user is None:
        # Its password is random and shown nowhere: the account only owns the bulk rows.
        user = accounts.create_user(username=BULK_USERNAME, password=secrets.token_urlsafe(16),
                                    role=Role.APPLICANT, applicant_kind=ApplicantKind.ORGANIZATION,
                                    display_name="批量导入（负载测试）")
    return user


def _tune_connection() -> None:
    if connection.vendor == "sqlite":
        # The search index grows by millions of rows; a bigger page cache (256 MB, for this
        # connection only) keeps its B-tree inserts in memory.
        with connection.cursor() as c:
            c.execute("PRAGMA cache_size = -262144")


def _working_days(this_year: int) -> list[dt.date]:
    cal = calendar.current()
    day, end = dt.date(this_year - 3, 1, 1), dt.date(this_year - 1, 12, 31)
    days = []
    while day <= end:
        if cal.is_working_day(day):
            days.append(day)
        day += dt.timedelta(days=1)
    return days


@dataclass
class _Work:
    day: dt.date
    at: dt.datetime
    category: str
    title: str
    authors: list[Author]  # unsaved; their values are inserted as plain rows
    owners: list[Owner]
    fields: dict


def _work(rng: random.Random, day: dt.date) -> _Work:
    tz = ZoneInfo(settings.TIME_ZONE)
    at = dt.datetime.combine(day, dt.time(9), tzinfo=tz) + dt.timedelta(minutes=rng.randrange(480))
    category = rng.choice(categories.CATEGORIES).code
    title = rng.choice(_TITLE_HEADS) + rng.choice(_TITLE_MIDDLES) + rng.choice(_TITLE_TAILS[category])
    names = [people.random_name(rng) for _ in range(1 if rng.random() < 0.8 else 2)]
    authors = [Author(position=i, name=n, signature=n) for i, n in enumerate(names)]
    if rng.random() < 0.7:
        owners = [Owner(position=i, **people.random_person(rng, n)) for i, n in enumerate(names)]
        mode = "independent" if len(names) == 1 else "joint"
    else:
        place = rng.choice(people.PLACES)
        name = f"{place.city.removesuffix('市')}{rng.choice(_ORG_WORDS)}{rng.choice(_ORG_TRADES)}有限公司"
        owners = [Owner(position=0, **people.org_owner(name, place, people.random_uscc(rng, place)))]
        mode = "employment"
    done = day - dt.timedelta(days=rng.randrange(60, 900))
    published = rng.random() < 0.6
    submitted = at - dt.timedelta(days=rng.randrange(20, 40), minutes=rng.randrange(600))
    fields = {
        "category_note": "其他作品" if category == "other" else "", "nature": "original",
        "completion_date": done, "completion_country": "中国", "completion_city": owners[0].city,
        "publication": "published" if published else "unpublished",
        "first_publication_date": done + dt.timedelta(days=rng.randrange(1, 50)) if published else None,
        "first_publication_country": "中国" if published else "",
        "first_publication_city": owners[0].city if published else "",
        "creation_mode": mode, "acquisition": "original", "rights_scope": "all",
        "purpose": "负载测试数据。", "process": "批量生成。", "originality": "批量生成。",
        "submitted_at": submitted, "accepted_on": (submitted + dt.timedelta(days=2)).date(),
        "decided_at": at, "created_at": submitted, "updated_at": at,
    }
    return _Work(day, at, category, title, authors, owners, fields)


class _Signer:
    """``signing.sign`` with the key looked up once (finding it costs more than signing)."""

    def __init__(self) -> None:
        self.key = signing.office_key()
        self.key_id = signing.key_id()

    def sign(self, payload: dict) -> str:
        raw = self.key.sign(signing.canonical_payload(payload))
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _insert(applicant: User, works: list[_Work], signer: _Signer) -> None:
    apps = [Application(applicant=applicant, status="registered", title=w.title, category=w.category, **w.fields)
            for w in works]
    _insert_objects(Application, apps)
    author_rows, owner_rows = [], []
    for app, w in zip(apps, works, strict=True):
        author_rows += [(app.pk, a.position, a.name, a.signature) for a in w.authors]
        owner_rows += [(app.pk, o.position, o.kind, o.name, o.id_type, o.id_number, o.nationality, o.province,
                        o.city, o.address) for o in w.owners]
    _raw_insert(Author, ["application", "position", "name", "signature"], author_rows)
    _raw_insert(Owner, ["application", "position", "kind", "name", "id_type", "id_number", "nationality",
                        "province", "city", "address"], owner_rows)

    serials = _take_serials([(w.day.year, categories.letter(w.category)) for w in works])
    regs = []
    for app, w, (year, letter, serial) in zip(apps, works, serials, strict=True):
        regs.append(Registration(
            number=numbering.format_number(year, letter, serial), application=app, year=year, letter=letter,
            serial=serial, registered_on=w.day, registered_at=w.at, title=w.title, category=w.category,
            data=(data := snapshot(app, w.authors, w.owners)),
            region=regions.region_of_owners(data["owners"]).name,
        ))
    _insert_objects(Registration, regs)
    stats.bulk_registered(registrations=regs, applications=apps)  # the tallies the services would add

    cert_rows = []
    for reg in regs:
        payload = payload_for(reg, 1)
        signature = signer.sign(payload)
        cert_rows.append((reg.pk, 1, reg.registered_at, payload, signature, signer.key_id,
                          verify_url(reg.number, signature), "", ""))
    _raw_insert(Certificate, ["registration", "version", "issued_at", "payload", "signature", "key_id",
                              "verify_url", "pdf_key", "pdf_sha256"], cert_rows)
    _raw_insert(AuditEntry, ["at", "actor", "subject", "action", "from_state", "to_state", "reason", "data"], [
        (reg.registered_at, None, f"application:{reg.application_id}", AUDIT_ACTION, "", "registered",
         AUDIT_REASON, {"number": reg.number}) for reg in regs
    ])
    _raw_insert(SearchGram, ["registration", "gram"],
                [(reg.pk, g) for reg in regs for g in sorted(search_bigrams(reg))])


def _take_serials(keys: list[tuple[int, str]]) -> list[tuple[int, str, int]]:
    """Serials for ``keys`` in order, advancing each counter once for the whole batch."""
    wanted = sorted(set(keys))
    SerialCounter.objects.bulk_create([SerialCounter(year=y, letter=letter) for y, letter in wanted],
                                      ignore_conflicts=True)
    last = {}
    for y, letter in wanted:
        counter = SerialCounter.objects.select_for_update().get(year=y, letter=letter)
        last[(y, letter)] = counter.last
    out = []
    for key in keys:
        last[key] += 1
        out.append((*key, last[key]))
    for (y, letter), value in last.items():
        SerialCounter.objects.filter(year=y, letter=letter).update(last=value)
    return out


def snapshot(app: Application, authors: list[Author], owners: list[Owner]) -> dict:
    """``records.services.snapshot`` for rows not yet in the database (a test checks both give
    the same result)."""
    cat = categories.BY_CODE[app.category]
    return {
        "title": app.title, "category": app.category, "category_zh": cat.zh,
        "authors": [{"name": a.name, "signature": a.signature, "display": a.display()} for a in authors],
        "owners": [{"name": o.name, "kind": o.kind, "id_type": o.id_type, "id_number": o.id_number,
                    "nationality": o.nationality, "province": o.province, "city": o.city,
                    "display": o.display()} for o in owners],
        "nature": app.nature, "creation_mode": app.creation_mode,
        "completion_date": app.completion_date.isoformat() if app.completion_date else None,
        "first_publication_date": app.first_publication_date.isoformat() if app.first_publication_date else None,
        "application": app.reference,
    }


def search_bigrams(reg: Registration) -> set[str]:
    """The bigrams ``records.services.index_for_search`` indexes for ``reg``."""
    texts = [reg.number, reg.title] + [o["name"] for o in reg.data.get("owners", [])]
    return set().union(*(search_terms.bigrams(t) for t in texts))


def _insert_objects(model, objs: list) -> None:
    """Insert unsaved model instances with ids reserved beforehand, so no row has to be read
    back. The instances' values are written as they are: auto_now fields are not applied
    (the bulk rows carry the dates of their story, not the loading time)."""
    ids = _reserve_ids(model, len(objs))
    for obj, pk in zip(objs, ids, strict=True):
        obj.pk = pk
    fields = model._meta.concrete_fields
    _raw_insert(model, [f.name for f in fields], [tuple(getattr(o, f.attname) for f in fields) for o in objs])


def _reserve_ids(model, n: int) -> list[int]:
    """n new primary keys that nothing else will use: from the sequence on PostgreSQL; on
    SQLite (AUTOINCREMENT, never reusing a deleted row's id; the caller's transaction holds
    the write lock) after both the largest id and the highest id ever issued."""
    table = model._meta.db_table
    with connection.cursor() as c:
        if connection.vendor == "postgresql":
            c.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, n])
            return [row[0] for row in c.fetchall()]
        c.execute(f"SELECT COALESCE(MAX(id), 0) FROM {connection.ops.quote_name(table)}")
        top = c.fetchone()[0]
        c.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        row = c.fetchone()
        top = max(top, row[0] if row else 0)
    return list(range(top + 1, top + 1 + n))


def _raw_insert(model, fields: list[str], rows: list[tuple]) -> None:
    """Insert plain tuples without a model instance per row (the ORM's per-value work is most
    of the cost at this volume): COPY on PostgreSQL, one prepared statement elsewhere.
    Datetimes and JSON are converted here the way the fields would convert them."""
    if not rows:
        return
    meta = model._meta
    columns = [meta.get_field(f) for f in fields]
    convert: list[Callable[[Any], Any] | None] = []
    for f in columns:
        kind = f.get_internal_type()
        if kind == "DateTimeField":
            convert.append(connection.ops.adapt_datetimefield_value)
        elif kind == "DateField":
            convert.append(connection.ops.adapt_datefield_value)
        elif kind == "JSONField":
            convert.append(json.dumps)
        else:
            convert.append(None)
    if any(convert):
        rows = [tuple(c(v) if c and v is not None else v for c, v in zip(convert, row, strict=True))
                for row in rows]
    names = ", ".join(connection.ops.quote_name(f.column) for f in columns)
    table = connection.ops.quote_name(meta.db_table)
    with connection.cursor() as c:
        if connection.vendor == "postgresql":
            with c.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            c.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})", rows)
