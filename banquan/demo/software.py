"""Demo software applications: a registered program, a disguised copy of it by another
applicant waiting in review with the copy found, and a draft with its materials built.

The demo trees are folders of banquan's own source (real code, present wherever banquan runs);
the copy renames every function and class, as a copier would. Jobs that would run after the
seed commits (building materials, fingerprints, the acceptance checks) run here directly so the
demo shows their results however jobs are run."""

import ast
import io
import re
import zipfile
from pathlib import Path

from banquan.accounts.models import User
from banquan.applications import services as applications
from banquan.review import services as review
from banquan.software import duplicates, materials
from banquan.software import services as software

ROOT = Path(__file__).resolve().parent.parent  # the banquan package
REGISTERED_TREE = ("workdays", "ledger", "accounts")
DRAFT_TREE = ("lexicon",)
_ENV = {
    "classification": "application", "nature": "original", "publication": "unpublished",
    "development_mode": "independent", "acquisition": "original", "rights_scope": "all",
    "dev_hardware": "PC，Intel Core i7 处理器，32GB 内存", "run_hardware": "服务器，8 核 CPU，16GB 内存",
    "dev_os": "Ubuntu 24.04", "dev_tools": "Visual Studio Code 1.95", "run_platform": "Linux",
    "support_software": "Python 3.11、PostgreSQL 15", "languages": ["Python"],
}


def tree_zip(folders: tuple[str, ...], *, rename: bool = False) -> bytes:
    files = {f"src/{p.relative_to(ROOT)}": p.read_text(encoding="utf-8")
             for folder in folders for p in sorted((ROOT / folder).rglob("*.py"))
             if "tests" not in p.parts and "migrations" not in p.parts}
    if rename:
        names = {n.name for text in files.values() for n in ast.walk(ast.parse(text))
                 if isinstance(n, ast.FunctionDef | ast.ClassDef) and not n.name.startswith("__")}
        pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b")
        files = {path: pattern.sub(lambda m: "plan_" + m.group(1), text) for path, text in files.items()}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for path, text in files.items():
            z.writestr(path, text)
    return buf.getvalue()


def manual(title: str, chapters: tuple[str, ...]) -> bytes:
    lines = [f"# {title} 用户手册", ""]
    for n, chapter in enumerate(chapters, 1):
        lines += [f"## {n} {chapter}", ""]
        lines += [f"{n}.{i} 在“{chapter}”页面完成第 {i} 项操作，系统即时保存并显示结果。" for i in range(1, 21)]
    return "\n".join(lines).encode()


def create(applicant: User, title: str, owners: list[dict], tree: bytes, chapters: tuple[str, ...],
           **values) -> int:
    app = software.create_draft(applicant=applicant, values={**_ENV, "title": title, **values}, owners=owners)
    for kind, name, data in (("program", "src.zip", tree), ("documentation", "manual.md", manual(title, chapters))):
        material = software.upload_material(applicant=applicant, app_id=app.pk, kind=kind, name=name,
                                            file=io.BytesIO(data), size=len(data))
        materials.prepare(material.pk)
    duplicates.record_fingerprints(app.pk)
    return app.pk


def register(app_id: int, applicant: User, reviewer: User) -> None:
    applications.submit(applicant=applicant, app_id=app_id)
    review.accept(reviewer=reviewer, app_id=app_id)
    review.start_review(reviewer=reviewer, app_id=app_id)
    reg = review.approve(reviewer=reviewer, app_id=app_id, reason="材料齐全，符合登记条件。")
    duplicates.on_registered(reg.pk)


def accept(app_id: int, applicant: User, reviewer: User) -> None:
    applications.submit(applicant=applicant, app_id=app_id)
    review.accept(reviewer=reviewer, app_id=app_id)
    duplicates.check_application(app_id)


def play(users: dict[str, User], days, fixed) -> None:
    """Three software applications, dated through ``fixed`` (the seed's clock)."""
    from banquan.demo.catalogue import LI_MINGHUA, WEIGUANG, XINGHE

    def on(n: int, slot: int = 0) -> None:
        fixed.at = days.moment(days.day(n), slot)

    on(60)
    original = create(users["company"], "星河工作日历计算软件", [dict(XINGHE)], tree_zip(REGISTERED_TREE),
                      ("工作日历", "节假日设置", "期限计算", "审计日志", "账户管理"), version="V1.0",
                      completion_date=days.day(90), dev_purpose="按国家法定节假日和调休计算工作日与办理期限。",
                      domain="政务服务", main_functions="维护节假日与调休日历；按工作日计算办理期限；记录每次操作的审计日志；管理用户账户与权限。",
                      tech_features="日历可编辑并自动从官方安排导入；期限计算跨年准确。", feature_tags=["cloud"],
                      source_lines=1500)
    on(58)
    register(original, users["company"], users["reviewer1"])
    on(6)
    copy = create(users["agent"], "微光智能日程排期系统", [dict(WEIGUANG)], tree_zip(REGISTERED_TREE, rename=True),
                  ("日程排期", "假期配置", "时限测算", "操作记录", "用户管理"), version="V1.0",
                  completion_date=days.day(30), dev_purpose="为企业排定日程并测算办理时限。", domain="企业服务",
                  main_functions="配置假期与调休；按工作日测算时限；记录操作；管理用户。",
                  tech_features="假期配置灵活，时限测算准确。", feature_tags=["ai"], source_lines=1500)
    on(5)
    accept(copy, users["agent"], users["reviewer1"])
    on(1)
    create(users["person"], "明华敏感词管理软件", [dict(LI_MINGHUA)], tree_zip(DRAFT_TREE),
           ("词库维护", "批量导入", "版本比较"), version="V2.1", completion_date=days.day(20),
           dev_purpose="维护敏感词库并比较版本差异。", domain="内容审核",
           main_functions="维护敏感词及其类别和级别；从文件批量导入；比较词库版本差异。",
           tech_features="导入时自动合并重复词条。", feature_tags=["security"], source_lines=900)
