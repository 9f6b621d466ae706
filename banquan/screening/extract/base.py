"""What extraction produces (no database): text pieces that know where they came from.

A ``Piece`` is one stretch of text screened as a whole (a form field, a PDF page, a whole
subtitle file, the text read from one image). Its ``segments`` say which part of the text
came from where (a paragraph, a subtitle cue, an OCR line with its box), so a hit found at
character offset N can be shown as "第 3 条字幕（00:00:05,200）" or outlined in the image.
"""

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field

Box = list[list[float]]  # four (x, y) corners, clockwise from top-left, in image pixels


class Unreadable(Exception):
    """The sample cannot be read at all; ``reason`` is shown to the reviewer (Chinese)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Segment:
    start: int  # character offsets into the piece's text, end exclusive
    end: int
    label: str  # human location: 第 3 段, 第 12 条字幕（00:01:02,000）, 第 2 行文字
    box: Box | None = None

    def as_list(self) -> list:
        return [self.start, self.end, self.label, self.box]

    @classmethod
    def from_list(cls, raw: list) -> "Segment":
        return cls(int(raw[0]), int(raw[1]), str(raw[2]), raw[3] if len(raw) > 3 else None)


@dataclass
class Piece:
    location: str  # where the whole piece is: 第 3 页; empty for a whole file or a field
    text: str
    segments: list[Segment] = field(default_factory=list)

    def locate(self, offset: int) -> tuple[str, Box | None]:
        """The human location of the character at ``offset`` and its image box, if any."""
        label, box = "", None
        if self.segments:
            i = bisect.bisect_right([s.start for s in self.segments], offset) - 1
            if i >= 0:
                label, box = self.segments[i].label, self.segments[i].box
        elif "\n" in self.text.strip("\n"):
            label = f"第 {self.text.count(chr(10), 0, offset) + 1} 行"
        return " · ".join(p for p in (self.location, label) if p), box


@dataclass
class Extracted:
    """A sample's pieces, and what could not be read in an otherwise readable sample."""

    pieces: list[Piece] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def joined(parts: Iterable[tuple[str, str, Box | None]], *, location: str = "") -> Piece:
    """One piece from (label, text, box) parts, one part a line, with a segment for each."""
    texts: list[str] = []
    segments: list[Segment] = []
    pos = 0
    for label, text, box in parts:
        if not text.strip():
            continue
        if texts:
            pos += 1  # the "\n" between parts
        segments.append(Segment(pos, pos + len(text), label, box))
        texts.append(text)
        pos += len(text)
    return Piece(location, "\n".join(texts), segments)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
