"""The demo accounts: one for every role, and the file that remembers their passwords.

Passwords are random per account (or all ``BANQUAN_DEMO_PASSWORD`` when set, for scripted
demos). Only their hashes go into the database, so the plain passwords are kept in
``DATA_DIR/demo-accounts.txt`` (mode 0600) to be shown again on later runs.
"""

import os
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from banquan.accounts import services as accounts
from banquan.accounts.models import ApplicantKind, Role, User

PASSWORD_ENV = "BANQUAN_DEMO_PASSWORD"
ACCOUNTS_FILE = "demo-accounts.txt"


@dataclass(frozen=True)
class DemoAccount:
    key: str  # how the seed refers to it
    username: str
    role: str
    display_name: str
    applicant_kind: str = ""
    organization: str = ""
    note: str = ""  # what to try with it, for the printed table


ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("person", "demo-applicant", Role.APPLICANT, "李明华", ApplicantKind.PERSON,
                note="作者本人申请：小说、画作、摄影"),
    DemoAccount("company", "demo-company", Role.APPLICANT, "星河文化传媒有限公司", ApplicantKind.ORGANIZATION,
                organization="星河文化传媒有限公司", note="单位申请：动画、音乐、职务作品"),
    DemoAccount("agent", "demo-agent", Role.APPLICANT, "王晓燕", ApplicantKind.AGENT,
                organization="知信知识产权代理有限公司", note="代理人：替多位著作权人申请"),
    DemoAccount("reviewer1", "demo-reviewer1", Role.REVIEWER, "陈静", note="审查员：受理、审查、决定"),
    DemoAccount("reviewer2", "demo-reviewer2", Role.REVIEWER, "刘洋", note="审查员"),
    DemoAccount("special", "demo-special", Role.SPECIAL_REVIEWER, "赵建国", note="专项审查组：重大题材作品"),
    DemoAccount("registrar", "demo-registrar", Role.REGISTRAR, "孙丽",
                note="登记管理员：分配、权利状态；可登录 /admin/"),
    DemoAccount("court", "demo-court", Role.COURT_OFFICER, "周振华", organization="北京市海淀区人民法院",
                note="法院工作人员：查询登记与查封状态"),
    DemoAccount("bank", "demo-bank", Role.BANK_OFFICER, "吴敏", organization="中国工商银行北京朝阳支行",
                note="银行工作人员：查询质押状态"),
)
BY_KEY = {a.key: a for a in ACCOUNTS}


def accounts_file() -> Path:
    return Path(settings.DATA_DIR) / ACCOUNTS_FILE


def existing() -> dict[str, User]:
    users = User.objects.filter(username__in=[a.username for a in ACCOUNTS])
    by_name = {u.username: u for u in users}
    return {a.key: by_name[a.username] for a in ACCOUNTS if a.username in by_name}


def create_all() -> tuple[dict[str, User], dict[str, str]]:
    """Create every demo account; returns the users and their plain passwords by key."""
    fixed = os.environ.get(PASSWORD_ENV, "")
    users, passwords = {}, {}
    for a in ACCOUNTS:
        passwords[a.key] = fixed or secrets.token_urlsafe(9)
        users[a.key] = accounts.create_user(
            username=a.username, password=passwords[a.key], role=a.role, display_name=a.display_name,
            applicant_kind=a.applicant_kind, organization=a.organization,
            email=f"{a.username}@demo.banquan.invalid",
        )
    return users, passwords


def table(passwords: dict[str, str]) -> str:
    """The accounts as an aligned plain-text table (CJK characters count double in width)."""
    rows = [("用户名 username", "角色 role", "姓名 name", "密码 password", "用途 what for")]
    for a in ACCOUNTS:
        rows.append((a.username, str(Role(a.role).label), a.display_name, passwords.get(a.key, "?"), a.note))
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    lines = []
    for r in rows:
        cells = [c + " " * (w - _width(c)) for c, w in zip(r[:-1], widths, strict=True)]
        lines.append("  ".join([*cells, r[-1]]).rstrip())
    lines.insert(1, "-" * (sum(widths) + 2 * len(widths) + 20))
    return "\n".join(lines) + "\n"


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def write_file(text: str) -> Path:
    """Write the accounts file readable by its owner only (it holds passwords)."""
    path = accounts_file()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".demo-accounts-")  # created 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
