"""Subtitle files (SRT, WebVTT, ASS/SSA): the cue text without timing lines or styling, each
cue located by its number and start time. Cues are joined into one piece, one cue a line,
so a term broken across two cues is still found."""

import re
from collections.abc import Iterator

from banquan.screening.extract.base import Extracted, Piece, joined
from banquan.screening.extract.plain import decode

EXTENSIONS = {".srt": "srt", ".vtt": "vtt", ".ass": "ass", ".ssa": "ass"}
TIMING = re.compile(r"^\s*((?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3})\s*-->\s*((?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3})")
HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
ASS_OVERRIDE = re.compile(r"\{[^}]*\}")

Cue = tuple[str, str]  # (location, text)


def sniff(text: str) -> str | None:
    head = text.lstrip("\ufeff").lstrip()[:2000]
    if head.startswith("WEBVTT"):
        return "vtt"
    if head.startswith("[Script Info]") or "\n[Events]" in text:
        return "ass"
    if TIMING.search(head) or any(TIMING.match(line) for line in head.split("\n")[:5]):
        return "srt"
    return None


def _blocks(text: str) -> Iterator[list[str]]:
    block: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


def _clean(line: str) -> str:
    return HTML_TAG.sub("", ASS_OVERRIDE.sub("", line)).strip()


def _timed_cues(text: str, *, vtt: bool) -> list[Cue]:
    """SRT and WebVTT: blocks with a timing line; the text follows it."""
    cues: list[Cue] = []
    for block in _blocks(text):
        at = next((i for i, line in enumerate(block) if TIMING.match(line)), None)
        if at is None:  # WEBVTT header, NOTE, STYLE, REGION blocks, or stray text
            continue
        number = len(cues) + 1
        label = block[0].strip() if at == 1 and not vtt and block[0].strip().isdigit() else str(number)
        start = TIMING.match(block[at]).group(1)  # type: ignore[union-attr]
        body = "\n".join(c for c in (_clean(line) for line in block[at + 1:]) if c)
        cues.append((f"第 {label} 条字幕（{start}）", body))
    return cues


def _ass_cues(text: str) -> list[Cue]:
    cues: list[Cue] = []
    fields: list[str] = []
    in_events = False
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("["):
            in_events = stripped.lower() == "[events]"
            continue
        if not in_events:
            continue
        key, _, value = stripped.partition(":")
        if key.lower() == "format":
            fields = [f.strip().lower() for f in value.split(",")]
        elif key.lower() == "dialogue" and fields:
            values = value.split(",", len(fields) - 1)
            row = dict(zip(fields, (v.strip() for v in values), strict=False))
            raw = row.get("text", "")
            body = ASS_OVERRIDE.sub("", raw).replace("\\N", "\n").replace("\\n", "\n").replace("\\h", " ")
            cues.append((f"第 {len(cues) + 1} 条对白（{row.get('start', '')}）", body.strip()))
    return cues


def extract(data: bytes, *, kind: str | None = None) -> Extracted:
    text = decode(data).lstrip("\ufeff")
    kind = sniff(text) or kind
    cues = _ass_cues(text) if kind == "ass" else _timed_cues(text, vtt=kind == "vtt") if kind else []
    if not cues:
        if not text.strip():
            return Extracted()
        return Extracted([Piece("", text)], ["未能识别字幕格式，已按纯文本筛查。"])
    piece = joined((label, body, None) for label, body in cues)
    return Extracted([piece] if piece.text else [])
