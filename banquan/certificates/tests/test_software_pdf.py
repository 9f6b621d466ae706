"""The computer-software copyright registration certificate PDF. No database needed.

These tests need a CJK font; on Debian/Ubuntu: apt-get install fonts-noto-cjk.
"""

import io
from dataclasses import replace
from datetime import date

import cv2
import pytest
from pypdf import PdfReader

from banquan.certificates.pdf_page import INNER_INSET, PAGE_H, PAGE_W
from banquan.certificates.qr import qr_code
from banquan.certificates.software_document import SoftwareCertificateData
from banquan.certificates.software_pdf import render_software_certificate
from banquan.certificates.tests.pdf_inspect import qr_image, qr_matrix, text_runs
from banquan.certificates.tests.test_pdf import _pages_text

MM = 72 / 25.4  # PDF points per millimetre


@pytest.fixture
def data() -> SoftwareCertificateData:
    return SoftwareCertificateData(
        certificate_number="软著登字第00012345号",
        number="2026SR0012345",
        software_name="星河智能排课系统",
        software_version="V1.0",
        owners=["北京星河科技有限公司", "张三"],
        completion_date=date(2025, 10, 8),
        first_publication_date=None,
        acquisition="原始取得",
        rights_scope="全部权利",
        registration_date=date(2026, 3, 5),
        office_name="中国版权保护中心",
        verify_url="https://banquan.example.cn/verify/2026SR0012345?s=abc",
        key_id="0123456789abcdef",
        signature="SIG_" + "x" * 82,
    )


def _text(pdf_bytes: bytes) -> str:
    return "".join(_pages_text(pdf_bytes))


def test_rows_follow_the_real_certificate(data):
    assert data.rows() == [
        ("软件名称", "星河智能排课系统 V1.0"),
        ("著作权人", "北京星河科技有限公司、张三"),
        ("开发完成日期", "2025年10月8日"),
        ("首次发表日期", "未发表"),
        ("权利取得方式", "原始取得"),
        ("权利范围", "全部权利"),
        ("登记号", "2026SR0012345"),
    ]


def test_certificate_shows_all_fields(data):
    text = _text(render_software_certificate(data))
    for expected in [
        "计算机软件著作权登记证书",
        "证书号：软著登字第00012345号",
        "软件名称：星河智能排课系统V1.0",  # whitespace is dropped by the extraction
        "著作权人：北京星河科技有限公司、张三",
        "开发完成日期：2025年10月8日",
        "首次发表日期：未发表",
        "权利取得方式：原始取得",
        "权利范围：全部权利",
        "登记号：2026SR0012345",
        "根据《计算机软件保护条例》和《计算机软件著作权登记办法》的规定，经中国版权保护中心审核，"
        "对以上事项予以登记。",
        "扫码验证",
        data.verify_url,
        "0123456789abcdef",
        "SIG_" + "x" * 82,
    ]:
        assert expected in text
    assert "证书版本" not in text  # the first version says nothing about versions


def test_later_version_and_other_office_and_publication_date(data):
    changed = replace(
        data,
        version=3,
        office_name="北京市版权局",
        first_publication_date=date(2025, 12, 1),
        rights_scope="发表权、署名权、复制权",
    )
    text = _text(render_software_certificate(changed))
    assert "证书版本：第3版" in text
    assert "经北京市版权局审核，对以上事项予以登记。" in text
    assert "中国版权保护中心" not in text
    assert "首次发表日期：2025年12月1日" in text and "未发表" not in text
    assert "权利范围：发表权、署名权、复制权" in text


def test_metadata_and_reproducible_output(data):
    first, second = render_software_certificate(data), render_software_certificate(data)
    assert first == second
    meta = PdfReader(io.BytesIO(first)).metadata
    assert meta.title == "计算机软件著作权登记证书 软著登字第00012345号"
    assert meta.author == "中国版权保护中心"
    assert meta.subject == "2026SR0012345"


def test_qr_code_decodes_to_the_verify_url(data):
    pdf = render_software_certificate(data)
    matrix = qr_matrix(pdf)
    assert matrix == [list(row) for row in qr_code(data.verify_url).matrix]
    decoded, _, _ = cv2.QRCodeDetector().detectAndDecode(qr_image(matrix))
    assert decoded == data.verify_url


def test_long_name_and_many_owners_wrap_inside_the_page(data):
    name = ("星河智能排课与教务管理云平台" * 5)[:60]
    owners = [f"第{i}号星河信息技术股份有限公司" for i in range(8)]
    pdf = render_software_certificate(replace(data, software_name=name, owners=owners))

    pages = _pages_text(pdf)
    assert len(pages) == 1
    assert f"软件名称：{name}V1.0" in pages[0]
    assert "、".join(owners) in pages[0]
    assert "扫码验证" in pages[0] and "对以上事项予以登记。" in pages[0]
    runs = text_runs(pdf)
    name_lines = [y for _, y, _, text in runs if text in name]
    assert len(name_lines) > 1  # the name wraps rather than running off the page
    for x, y, width, text in runs:
        assert INNER_INSET * MM <= x and x + width <= (PAGE_W - INNER_INSET) * MM, text
        assert INNER_INSET * MM <= y <= (PAGE_H - INNER_INSET) * MM, text
