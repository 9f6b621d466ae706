"""What a computer-software copyright registration certificate (计算机软件著作权登记证书) says,
independent of how it is drawn."""

from dataclasses import dataclass
from datetime import date

from banquan.certificates.document import NOT_PUBLISHED, chinese_date


@dataclass(frozen=True)
class SoftwareCertificateData:
    certificate_number: str  # 软著登字第00012345号
    number: str  # registration number, e.g. 2026SR0012345
    software_name: str  # full name, e.g. 星河智能排课系统
    software_version: str  # e.g. V1.0
    owners: list[str]  # display strings
    completion_date: date
    first_publication_date: date | None  # None -> printed as 未发表
    acquisition: str  # how the rights were acquired, e.g. 原始取得
    rights_scope: str  # e.g. 全部权利
    registration_date: date
    office_name: str  # issuing office, e.g. 中国版权保护中心
    verify_url: str  # what the QR code encodes (already contains the signature)
    version: int = 1  # certificate version (later versions after changes)
    key_id: str = ""
    signature: str = ""

    def full_name(self) -> str:
        """Name and version as printed: "星河智能排课系统 V1.0"."""
        return f"{self.software_name} {self.software_version}".strip()

    def rows(self) -> list[tuple[str, str]]:
        """The label/value rows in the order of the real certificate."""
        published = (
            chinese_date(self.first_publication_date) if self.first_publication_date else NOT_PUBLISHED
        )
        return [
            ("软件名称", self.full_name()),
            ("著作权人", "、".join(self.owners)),
            ("开发完成日期", chinese_date(self.completion_date)),
            ("首次发表日期", published),
            ("权利取得方式", self.acquisition),
            ("权利范围", self.rights_scope),
            ("登记号", self.number),
        ]

    def statement(self) -> str:
        """The registration sentence under the rows, naming the issuing office."""
        return (
            "根据《计算机软件保护条例》和《计算机软件著作权登记办法》的规定，"
            f"经{self.office_name}审核，对以上事项予以登记。"
        )
