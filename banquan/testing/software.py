"""Software applications for tests, reached through the real services, with deposit materials
built from real source trees (installed PyPI packages in the virtualenv's site-packages)."""

import datetime as dt
import io
import sysconfig
import zipfile
from pathlib import Path

import pytest

from banquan.accounts.models import User
from banquan.applications import services as applications
from banquan.review import services as review
from banquan.software import services as software
from banquan.testing.factories import VALID_ID

SITE_PACKAGES = Path(sysconfig.get_paths()["purelib"])


def values(**overrides) -> dict:
    v = {
        "title": "星河智能排课系统", "short_name": "星河排课", "version": "V1.0", "classification": "application",
        "nature": "original", "completion_date": dt.date(2026, 3, 1), "publication": "unpublished",
        "development_mode": "independent", "acquisition": "original", "rights_scope": "all",
        "dev_hardware": "PC，Intel i5 处理器，16GB 内存", "run_hardware": "服务器，4 核 CPU，8GB 内存",
        "dev_os": "Ubuntu 22.04", "dev_tools": "PyCharm 2024", "run_platform": "Linux",
        "support_software": "Python 3.11、PostgreSQL 15", "languages": ["Python"], "source_lines": 12000,
        "dev_purpose": "为中小学自动编排课表。", "domain": "教育",
        "main_functions": "导入教师、班级和课时要求，自动生成无冲突课表，支持手工调整和导出。",
        "tech_features": "约束求解自动排课，冲突实时提示。", "feature_tags": ["education"],
    }
    v.update(overrides)
    return v


def owners(park: str = "") -> list[dict]:
    return [{"kind": "person", "name": "李四", "id_type": "resident_id", "id_number": VALID_ID,
             "nationality": "中国", "province": "北京市", "city": "北京市", "address": "海淀区中关村大街 1 号",
             "park": park}]


def real_tree_zip(relative: str = "sqlparse") -> bytes:
    """A zip of an installed package's folder, as an applicant would upload the tree."""
    folder = SITE_PACKAGES / relative
    if not folder.is_dir():
        pytest.skip(f"{relative} is not installed in this virtualenv")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                z.write(path, f"{folder.name}/{path.relative_to(folder)}")
    return buf.getvalue()


def manual_markdown(title: str = "星河智能排课系统", lines: int = 200) -> bytes:
    body = [f"# {title} 用户手册", ""]
    for i in range(1, lines + 1):
        if i % 25 == 1:
            body += [f"## 第 {i // 25 + 1} 章 功能说明", ""]
        body.append(f"第 {i} 步：在排课页面选择班级和教师，系统根据课时要求自动生成第 {i} 版课表。")
    return "\n".join(body).encode()


def upload(applicant: User, app_id: int, kind: str, name: str, data: bytes, **options):
    return software.upload_material(applicant=applicant, app_id=app_id, kind=kind, name=name,
                                    file=io.BytesIO(data), size=len(data), options=options or None)


def draft(applicant: User, *, tree: str = "sqlparse", manual: bytes | None = None, **overrides):
    app = software.create_draft(applicant=applicant, values=values(**overrides), owners=owners())
    if tree:
        upload(applicant, app.pk, "program", f"{tree}.zip", real_tree_zip(tree))
    upload(applicant, app.pk, "documentation", "manual.md", manual or manual_markdown(app.title))
    return app


def register(app, applicant: User, reviewer: User):
    """Submit, accept and approve a draft whose materials are ready (their jobs have run: in a
    test, create the draft in its own ``django_capture_on_commit_callbacks`` block first)."""
    applications.submit(applicant=applicant, app_id=app.pk)
    review.accept(reviewer=reviewer, app_id=app.pk)
    review.start_review(reviewer=reviewer, app_id=app.pk)
    return review.approve(reviewer=reviewer, app_id=app.pk, reason="材料齐全，符合登记条件。")
