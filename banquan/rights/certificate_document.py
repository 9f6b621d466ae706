"""What a copyright pledge registration certificate (著作权质权登记证书) says, independent of how
it is drawn. No Django here: ``certificates`` builds the data from a ``Pledge``."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from banquan.certificates.document import chinese_date

TITLE = "著作权质权登记证书"


def principal_text(amount: Decimal, currency: str) -> str:
    """"人民币 5,000,000.00 元" for CNY, "USD 1,000,000.00" for any other currency."""
    figure = f"{amount:,.2f}"
    currency = currency.upper()
    return f"人民币 {figure} 元" if currency == "CNY" else f"{currency} {figure}"


def term_text(start: date, end: date) -> str:
    """"2026年12月1日至2027年11月30日"."""
    return f"{chinese_date(start)}至{chinese_date(end)}"


@dataclass(frozen=True)
class PledgeCertificateData:
    number: str  # 质权登记号, e.g. 2026ZY0000001
    pledgor: str  # 出质人
    pledgee: str  # 质权人
    works: list[tuple[str, str]]  # (registration number, title) of each pledged work
    principal: str  # as printed, see principal_text
    term: str  # as printed, see term_text
    registration_date: date
    office_name: str  # issuing office, e.g. 中国版权保护中心
    verify_url: str  # what the QR code encodes (already contains the signature)
    key_id: str = ""
    signature: str = ""

    def works_text(self) -> str:
        """One pledged work a line: "登记号 作品名称"."""
        return "\n".join(f"{number} {title}".strip() for number, title in self.works)

    def rows(self) -> list[tuple[str, str]]:
        """The label/value rows in printed order."""
        return [
            ("质权登记号", self.number),
            ("出质人", self.pledgor),
            ("质权人", self.pledgee),
            ("出质作品", self.works_text()),
            ("主债权金额", self.principal),
            ("债务履行期限", self.term),
            ("登记日期", chinese_date(self.registration_date)),
        ]

    def statement(self) -> str:
        """The registration sentence under the rows, naming the issuing office."""
        return f"根据《著作权质权登记办法》，经审核，{self.office_name}对上述著作权质权予以登记。"
