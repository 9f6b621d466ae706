"""``banquan demo``: demo accounts and a realistic set of applications and registrations.

Everything is made through the services, as people would make it through the site, with the
clock moved back through the last months (see ``timeline``); so the audit log, deadlines and
numbering are the real ones. Running it again changes nothing: the demo accounts' existence
says the demo is there. ``registrations`` adds load-test data through ``bulk`` (which does
bypass the services, on purpose and only there).
"""

import datetime as dt
import io
import sys
import zlib
from collections import Counter
from decimal import Decimal
from typing import TextIO

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from banquan.accounts.models import User
from banquan.applications import services as applications
from banquan.applications.models import Application
from banquan.demo import accounts as demo_accounts
from banquan.demo import bulk, samples
from banquan.demo import software as demo_software
from banquan.demo.catalogue import STORIES, Story
from banquan.demo.timeline import WorkingDays, fixed_clock, real_now
from banquan.folkart import demo as folkart_demo
from banquan.lexicon import services as lexicon
from banquan.logos import checks as logo_checks
from banquan.logos import demo as logos_demo
from banquan.records.models import Registration
from banquan.review import services as review
from banquan.rights import services as rights
from banquan.showcase import demo as showcase_demo


def run(print_accounts: bool, registrations: int = 0, *, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    users = demo_accounts.existing()
    if users:
        _already_there(users, print_accounts, out)
    else:
        passwords = seed()
        _created(passwords, print_accounts, out)
    if registrations > 0:
        _bulk(registrations, out)


@transaction.atomic
def seed() -> dict[str, str]:
    """Create the accounts and play every story; returns the plain passwords by account key.

    One transaction: an interrupted seed leaves no half demo behind (the existence check
    would take it for a complete one). Certificate PDFs are queued when it commits."""
    now = real_now()
    days = WorkingDays(now)
    first_day = days.day(max(s.start for s in STORIES))
    with fixed_clock(days.moment(first_day, 0)) as fixed:
        users, passwords = demo_accounts.create_all()
        User.objects.filter(pk__in=[u.pk for u in users.values()]).update(date_joined=fixed.at)
        lexicon.load_demo(by=users["registrar"])
        logos_demo.load_demo(by=users["registrar"])
        _Player(users, days, fixed).play(STORIES)
        demo_software.play(users, days, fixed)
        folkart_demo.play(users)
        showcase_demo.load_demo(registrar=users["registrar"])
    demo_accounts.write_file(_accounts_text(passwords))
    return passwords


class _Player:
    """Plays the steps of all stories in date order, moving the clock before each one."""

    def __init__(self, users: dict[str, User], days: WorkingDays, fixed):
        self.users, self.days, self.clock = users, days, fixed
        self.apps: dict[str, Application] = {}
        self.regs: dict[str, Registration] = {}
        self.touched: dict[int, dt.datetime] = {}  # application id -> its last step

    def play(self, stories: tuple[Story, ...]) -> None:
        events = []
        for si, story in enumerate(stories):
            for step_no, (kind, offset, *args) in enumerate(story.steps):
                events.append((self.days.day(story.start - offset), si, step_no, story, kind, args))
        events.sort(key=lambda e: e[:3])
        slots: Counter = Counter()
        for day, _, _, story, kind, args in events:
            self.clock.at = self.days.moment(day, slots[day])
            slots[day] += 1
            getattr(self, f"_{kind}")(story, *args)
            if story.key in self.apps:
                self.touched[self.apps[story.key].pk] = self.clock.at
        # updated_at is auto_now (the real time, not the clock's): set it to the last step.
        for pk, at in self.touched.items():
            Application.objects.filter(pk=pk).update(updated_at=at)

    def _app_id(self, story: Story) -> int:
        return self.apps[story.key].pk

    def _create(self, story: Story) -> None:
        applicant = self.users[story.applicant]
        app = applications.create_draft(applicant=applicant, fields=_form(story, self.clock.at.date()),
                                        authors=[{"name": n, "signature": s} for n, s in story.authors],
                                        owners=[dict(o) for o in story.owners])
        self.apps[story.key] = app
        if story.sample:
            self._upload(story, *_sample_file(story))

    def _upload(self, story: Story, name: str, data: bytes) -> None:
        applications.add_sample(applicant=self.users[story.applicant], app_id=self._app_id(story),
                                name=name, file=io.BytesIO(data), size=len(data))

    def _submit(self, story: Story) -> None:
        applications.submit(applicant=self.users[story.applicant], app_id=self._app_id(story))

    def _accept(self, story: Story, reviewer: str) -> None:
        review.accept(reviewer=self.users[reviewer], app_id=self._app_id(story))

    def _assign(self, story: Story, reviewer: str) -> None:
        review.assign(registrar=self.users["registrar"], app_id=self._app_id(story),
                      reviewer=self.users[reviewer])

    def _review(self, story: Story, reviewer: str) -> None:
        review.start_review(reviewer=self.users[reviewer], app_id=self._app_id(story))

    def _correct(self, story: Story, reviewer: str, reason: str) -> None:
        review.request_correction(reviewer=self.users[reviewer], app_id=self._app_id(story), reason=reason)

    def _resubmit(self, story: Story, response: str) -> None:
        # Corrections here all ask for more material: upload it, then answer.
        data = samples.image(story.title, "portrait" if story.category == "fine_art" else "map",
                             seed=zlib.crc32(story.key.encode()) + 1, caption="（补正材料）")
        self._upload(story, "补正材料.png", data)
        applications.resubmit(applicant=self.users[story.applicant], app_id=self._app_id(story),
                              response=response)

    def _logo_check(self, story: Story) -> None:
        # Run now rather than as the job queued at acceptance (which runs after the seed commits),
        # so the demo shows the interception however jobs are run.
        logo_checks.run_check(logo_checks.queue_check(app_id=self._app_id(story), trigger="accept").pk)

    def _special(self, story: Story, reviewer: str, reason: str) -> None:
        review.require_special_review(app_id=self._app_id(story), reason=reason, by=self.users[reviewer])

    def _approve(self, story: Story, reviewer: str, reason: str) -> None:
        result = review.approve(reviewer=self.users[reviewer], app_id=self._app_id(story), reason=reason)
        if isinstance(result, Registration):  # otherwise it waits for the special review group
            self.regs[story.key] = result

    def _reject(self, story: Story, reviewer: str, reason: str) -> None:
        review.reject(reviewer=self.users[reviewer], app_id=self._app_id(story), reason=reason)

    def _withdraw(self, story: Story, reason: str) -> None:
        applications.withdraw(applicant=self.users[story.applicant], app_id=self._app_id(story), reason=reason)

    def _rights(self, story: Story, status: str, reason: str) -> None:
        """Through the rights services, as the court, the bank and the office would do it."""
        reg = self.regs[story.key]
        if status == "seized":
            rights.seize(officer=self.users["court"], numbers=[reg.number], document_number="（2026）京0108执1234号",
                         scope="该作品的全部著作财产权", term_months=36)
        elif status == "pledged":
            owner = reg.data["owners"][0]
            pledge = rights.file_pledge(
                officer=self.users["bank"], numbers=[reg.number], pledgor_name=owner["name"],
                pledgor_id_type=owner["id_type"], pledgor_id_number=owner["id_number"],
                principal=Decimal("3000000.00"), currency="CNY", term_start=self.clock.at.date(),
                term_end=self.clock.at.date() + dt.timedelta(days=730), contract_name="质押合同.pdf",
                contract=io.BytesIO(samples.pdf("著作权质押合同", "", [reason]) or b"%PDF-1.4\n"))
            rights.register_pledge(registrar=self.users["registrar"], pledge_id=pledge.pk, reason=reason)
        elif status == "revoked":
            rights.revoke(registrar=self.users["registrar"], number=reg.number, ground="false_facts", reason=reason)
        else:
            raise ValueError(status)

    def _supersede(self, story: Story, old_key: str, reason: str) -> None:
        rights.revoke(registrar=self.users["registrar"], number=self.regs[old_key].number, ground="duplicate",
                      reason=reason, kept_number=self.regs[story.key].number)


def _form(story: Story, today: dt.date) -> dict:
    """The application form as the applicant fills it in on ``today``."""
    if story.partial:
        return {"title": story.title, "category": story.category}
    done = today - dt.timedelta(days=story.age_days)
    city = story.owners[0]["city"]
    fields = {
        "title": story.title, "category": story.category, "category_note": story.category_note,
        "nature": story.nature, "source_work_title": story.source[0], "source_work_author": story.source[1],
        "completion_date": done, "completion_country": "中国", "completion_city": city,
        "publication": "published" if story.published else "unpublished",
        "creation_mode": story.creation_mode, "acquisition": "original", "rights_scope": "all",
        "purpose": story.purpose, "process": story.process, "originality": story.originality,
    }
    if story.published:
        fields.update(first_publication_date=done + dt.timedelta(days=min(60, story.age_days // 2)),
                      first_publication_country="中国", first_publication_city=city)
    fields.update(story.extra)
    return fields


def _sample_file(story: Story) -> tuple[str, bytes]:
    kind, *args = story.sample
    seed = zlib.crc32(story.key.encode())
    author = "、".join(s for _, s in story.authors)
    if kind == "image":
        style, fmt = args
        return f"{story.title}.{'jpg' if fmt == 'JPEG' else 'png'}", samples.image(story.title, style, seed=seed,
                                                                                    fmt=fmt)
    if kind == "logo_copy":
        brand, style = args
        return f"{story.title}.png", logos_demo.poster_copying(brand, samples.image(story.title, style, seed=seed))
    if kind == "pdf":
        data = samples.pdf(story.title, author, args[0])
        if data is not None:
            return f"{story.title}.pdf", data
        return f"{story.title}.txt", samples.text(story.title, author, "\n".join(args[0]))
    if kind == "wav":
        return f"{story.title}.wav", samples.wav(args[0])
    if kind == "text":
        return f"{story.title}.txt", samples.text(story.title, author, args[0])
    raise ValueError(f"unknown sample kind {kind!r}")


# --- what the command prints ------------------------------------------------------------------

def _accounts_text(passwords: dict[str, str]) -> str:
    return (
        "banquan demo accounts (演示账户). Delete this file once you have noted the passwords.\n\n"
        + demo_accounts.table(passwords)
    )


def _login_hint() -> str:
    base = settings.BASE_URL
    return (f"Start the server with `banquan serve`, then sign in at\n  {base}{reverse('accounts:login')}\n"
            f"demo-registrar can also sign in to the back office at\n  {base}/admin/\n")


def _created(passwords: dict[str, str], print_accounts: bool, out: TextIO) -> None:
    out.write(f"Demo data created in {settings.DATA_DIR}.\n{_summary()}"
              "  Certificate PDFs are made by the job worker (`banquan serve` runs one) or on first download.\n")
    if print_accounts:
        out.write(f"\nAccounts (saved to {demo_accounts.accounts_file()}, readable only by you):\n\n")
        out.write(demo_accounts.table(passwords))
        out.write("\n" + _login_hint())


def _already_there(users: dict[str, User], print_accounts: bool, out: TextIO) -> None:
    missing = [a.username for a in demo_accounts.ACCOUNTS if a.key not in users]
    out.write("The demo data is already loaded (its accounts exist); nothing was changed.\n")
    if missing:
        out.write(f"Note: some demo accounts have been deleted since: {', '.join(missing)}.\n")
    if not print_accounts:
        return
    path = demo_accounts.accounts_file()
    if path.is_file():
        out.write(f"\nAccounts, as saved at the first run in {path}:\n\n{path.read_text(encoding='utf-8')}")
    else:
        out.write("The passwords were printed when the demo was first loaded (the file that kept them, "
                  f"{path}, is gone). Set a new one with `banquan manage changepassword demo-applicant`.\n")
    out.write("\n" + _login_hint() + "\n")


def _summary() -> str:
    from banquan.applications.choices import Status
    from banquan.core import clock
    from banquan.records.models import RightsStatus
    from banquan.workdays import arith, calendar

    demo_apps = Application.objects.filter(applicant__username__in=[a.username for a in demo_accounts.ACCOUNTS])
    by_status = Counter(demo_apps.values_list("status", flat=True))
    regs = Registration.objects.filter(application__in=demo_apps)
    by_rights = Counter(regs.values_list("rights_status", flat=True))
    today, cal = clock.today(), calendar.current()
    deadlines = [d for d in demo_apps.filter(status__in=["accepted", "in_review", "resubmitted"])
                 .values_list("deadline", flat=True) if d is not None]
    overdue = sum(d < today for d in deadlines)
    soon = sum(d >= today and arith.working_days_between(cal, today, d) <= settings.BANQUAN_DUE_SOON_WORKING_DAYS
               for d in deadlines)
    statuses = "，".join(f"{Status(s).label} {n}" for s, n in sorted(by_status.items(), key=lambda x: -x[1]))
    rights = "，".join(f"{RightsStatus(s).label} {n}" for s, n in by_rights.items() if s != "valid")
    return (f"  {len(demo_accounts.ACCOUNTS)} accounts, {sum(by_status.values())} applications ({statuses}).\n"
            f"  {regs.count()} registrations, every category; rights status changed: {rights}.\n"
            f"  Review queue: {overdue} overdue, {soon} due within {settings.BANQUAN_DUE_SOON_WORKING_DAYS} "
            f"working days, {len(deadlines) - overdue - soon} on time; 1 waiting for a correction.\n")


def _bulk(total: int, out: TextIO) -> None:
    def progress(done: int, todo: int, seconds: float) -> None:
        out.write(f"\r  loaded {done:,} / {todo:,} registrations ({seconds:.0f} s)")
        out.flush()

    out.write(f"Bulk load: making sure {total:,} load-test registrations exist (written directly, "
              "not through the services).\n")
    added = bulk.ensure(total, progress=progress)
    out.write(("\n" if added else "") + f"  {added:,} added; {bulk.count():,} load-test registrations in all.\n")
