"""Winnowing fingerprints of program source (as in MOSS, Schleimer et al. 2003), comparison of
two programs with side-by-side matching lines, an index over registered programs, and the
grouping of template-like filings. Pure: numpy and xxhash, no database, no Django.
See docs/software.md, "Duplicate and template detection"."""

from banquan.software.winnow.compare import Comparison, Region, compare
from banquan.software.winnow.copies import Copy, find_copies
from banquan.software.winnow.index import Candidate, FingerprintIndex
from banquan.software.winnow.program import (
    ProgramPrint,
    fingerprint_document,
    fingerprint_program,
    fingerprint_upload,
)
from banquan.software.winnow.templates import Filing, TemplateGroup, template_groups

__all__ = [
    "Candidate", "Comparison", "Copy", "Filing", "FingerprintIndex", "ProgramPrint", "Region", "TemplateGroup",
    "compare", "find_copies", "fingerprint_document", "fingerprint_program", "fingerprint_upload",
    "template_groups",
]
