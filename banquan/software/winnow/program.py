"""A program's fingerprints: every winnowed k-gram hash with the file and lines it came from.

Files are fingerprinted one by one (a k-gram never spans two files, so reordering or renaming
files changes nothing) after softcopy's selection: vendored folders, lock files, minified and
generated code are left out exactly as they are left out of the deposit.
"""

import io
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from banquan.software.softcopy.selection import ProgramFile, select_program_files
from banquan.software.softcopy.upload import SourceFile
from banquan.software.winnow.fingerprint import fingerprint_tokens
from banquan.software.winnow.params import CHARACTER_PARAMS, PARAMS
from banquan.software.winnow.text_tokens import normalise_text
from banquan.software.winnow.tokens import family, normalise


@dataclass(frozen=True)
class ProgramPrint:
    paths: tuple[str, ...]
    hashes: np.ndarray  # uint64, one per fingerprint
    files: np.ndarray  # int32 index into paths
    first_lines: np.ndarray  # int32, 1-based, the k-gram's first line
    last_lines: np.ndarray  # int32, its last line

    def __len__(self) -> int:
        return len(self.hashes)

    def distinct(self) -> np.ndarray:
        """The set of hashes, sorted: what containment and the index count."""
        return np.unique(self.hashes)

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        np.savez(buffer, paths=np.array(self.paths, dtype=str), hashes=self.hashes, files=self.files,
                 first_lines=self.first_lines, last_lines=self.last_lines)
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> "ProgramPrint":
        with np.load(io.BytesIO(data), allow_pickle=False) as saved:
            return cls(tuple(str(p) for p in saved["paths"]), saved["hashes"], saved["files"],
                       saved["first_lines"], saved["last_lines"])


def fingerprint_program(files: list[ProgramFile]) -> ProgramPrint:
    parts = []
    for number, file in enumerate(files):
        hashes, first, last = fingerprint_tokens(normalise(file.text, file.language), PARAMS[family(file.language)])
        parts.append((hashes, np.full(len(hashes), number, dtype=np.int32), first, last))
    return _assemble(tuple(f.path for f in files), parts)


def fingerprint_upload(files: list[SourceFile]) -> ProgramPrint:
    """From ``read_upload``'s files: the program files softcopy selects, then their fingerprints."""
    return fingerprint_program(select_program_files(files).files)


def fingerprint_document(text: str, name: str = "document") -> ProgramPrint:
    """A manual or other prose, by characters (for template-like filings of documentation)."""
    hashes, first, last = fingerprint_tokens(normalise_text(text), CHARACTER_PARAMS)
    return _assemble((name,), [(hashes, np.zeros(len(hashes), dtype=np.int32), first, last)])


def _assemble(paths: tuple[str, ...], parts: Sequence[tuple[np.ndarray, ...]]) -> ProgramPrint:
    if not parts:
        empty = np.empty(0, dtype=np.int32)
        return ProgramPrint(paths, np.empty(0, dtype=np.uint64), empty, empty, empty)
    hashes, files, first, last = (np.concatenate(column) for column in zip(*parts, strict=True))
    return ProgramPrint(paths, hashes.astype(np.uint64), files.astype(np.int32),
                        first.astype(np.int32), last.astype(np.int32))
