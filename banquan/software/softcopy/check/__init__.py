"""The checker for uploaded deposit PDFs (see ``checker.py``)."""

from banquan.software.softcopy.check.checker import check_deposit
from banquan.software.softcopy.check.rules import Problem

__all__ = ["Problem", "check_deposit"]
