"""Deposit material for computer-software registration (软件著作权登记鉴别材料): building the
program and documentation PDFs from uploads, and checking uploaded deposit PDFs.

Pure: no database and no Django; the caller passes the font, the lexicon's screener and the
office's settings as arguments. See docs/software.md.
"""

from banquan.software.softcopy.build import Deposit, ProgramOptions, build_program_material
from banquan.software.softcopy.errors import SoftcopyRefused
from banquan.software.softcopy.lines import LineOptions
from banquan.software.softcopy.redaction import Redaction, parse_redaction
from banquan.software.softcopy.render import FontFile
from banquan.software.softcopy.upload import SourceFile, UploadLimits, read_folder, read_upload

__all__ = [
    "Deposit", "FontFile", "LineOptions", "ProgramOptions", "Redaction", "SoftcopyRefused", "SourceFile",
    "UploadLimits", "build_program_material", "parse_redaction", "read_folder", "read_upload",
]
