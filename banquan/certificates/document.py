"""What a certificate says, independent of how it is drawn (PDF here, HTML on the verify page)."""

import re
from dataclasses import dataclass
from datetime import date

NOT_PUBLISHED = "未发表"
# "张三（中国）" -> "张三": the nationality suffix of an owner's display string reads oddly in
# the "由……申请" sentence.
_TRAILING_NOTE = re.compile(r"\s*[（(][^（）()]*[）)]\s*$")


def chinese_date(value: date) -> str:
    """2026年3月5日 — Arabic numerals, as GB/T 9704 prescribes for official documents."""
    return f"{value.year}年{value.month}月{value.day}日"


@dataclass(frozen=True)
class CertificateData:
    number: str  # 国作登字-2026-F-00000123
    title: str
    category: str  # Chinese category name, e.g. 美术
    authors: list[str]  # display strings, e.g. "张三（署名：三石）"
    owners: list[str]  # display strings, e.g. "张三（中国）"
    completion_date: date
    first_publication_date: date | None  # None -> printed as 未发表
    registration_date: date
    office_name: str  # issuing office, e.g. 中国版权保护中心
    verify_url: str  # what the QR code encodes (already contains the signature)
    version: int = 1  # certificate version (later versions after changes)
    key_id: str = ""
    signature: str = ""
    applicant: str = ""  # who applied; empty means the copyright owners

    def rows(self) -> list[tuple[str, str]]:
        """The label/value rows in printed order."""
        published = (
            chinese_date(self.first_publication_date) if self.first_publication_date else NOT_PUBLISHED
        )
        return [
            ("登记号", self.number),
            ("作品名称", self.title),
            ("作品类别", self.category),
            ("作者", "、".join(self.authors)),
            ("著作权人", "、".join(self.owners)),
            ("创作完成日期", chinese_date(self.completion_date)),
            ("首次发表日期", published),
            ("登记日期", chinese_date(self.registration_date)),
        ]

    def applicant_name(self) -> str:
        if self.applicant:
            return self.applicant
        return "、".join(_TRAILING_NOTE.sub("", owner) for owner in self.owners)

    def statement(self) -> str:
        """The registration sentence under the rows."""
        return (
            f"以上事项，由{self.applicant_name()}申请，经{self.office_name}审核，"
            "根据《作品自愿登记试行办法》规定，予以登记。"
        )
