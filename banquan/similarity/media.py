"""Audio and video fingerprints and the rules that compare them (no database).

- Audio: the raw Chromaprint fingerprint (``fpcalc -raw -json``, Debian's
  libchromaprint-tools): one 32-bit sub-fingerprint about every 0.124 s. Two recordings are
  compared by their bit-error rate (BER) at the best alignment (``audio_ber``).
- Video: one RGB frame a second (PyAV, whose wheels bundle FFmpeg), each hashed with PDQ;
  two videos are compared with the vPDQ rule (``video_match``).

``video_frames`` and ``MediaError`` are also used by the brand-logo check of video key
frames: keep their names and signatures.
"""

import io
import json
import math
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import PurePath

import av
import numpy as np
import pdqhash

FRAME_SIDE = 512  # longest side of a returned frame; PDQ downsamples to this anyway

# Audio. fpcalc's default (120 s) is AcoustID's; a registry also wants excerpts taken from
# later in a work, so more is read (600 s ≈ 4,840 sub-fingerprints, ~19 KB a work).
AUDIO_SECONDS = 600
FPCALC_TIMEOUT = 120  # seconds
ITEM_SECONDS = 4096 / 3 / 11025  # Chromaprint's step between sub-fingerprints (≈ 0.124 s)
MIN_OVERLAP = 40  # sub-fingerprints (≈ 5 s) two prints must share at an alignment to be compared

# Video: the vPDQ rule (Meta's ThreatExchange): frames whose PDQ hashes are at most 31 bits
# apart match, and two videos match when enough of each one's frames match the other's.
FRAME_MATCH_BITS = 31
MIN_FRAME_QUALITY = 50  # PDQ quality below which a frame (black, flat) says nothing; vPDQ's default
PDQ_BYTES = 32


class MediaError(ValueError):
    """Audio or video that cannot be read; ``reason`` says why, in Chinese, for people."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# --- video -----------------------------------------------------------------------------------

def _scaled(width: int, height: int, side: int = FRAME_SIDE) -> tuple[int, int]:
    scale = min(1.0, side / max(width, height, 1))
    # even sizes keep FFmpeg's scaler exact for subsampled (4:2:0) sources
    return max(2, round(width * scale / 2) * 2), max(2, round(height * scale / 2) * 2)


def video_frames(data: bytes, *, every: float = 1.0, limit: int = 600) -> list[tuple[float, np.ndarray]]:
    """One RGB uint8 frame (h, w, 3), at most 512 px a side, every ``every`` seconds of the
    first video stream, with its time in seconds; ``limit`` frames at most.

    The whole stream is decoded up to the last frame wanted (seeking per frame costs more than
    it saves at one frame a second), but only the kept frames are converted to RGB.
    """
    if every <= 0:
        raise ValueError("every must be positive")
    try:
        container = av.open(io.BytesIO(data), mode="r")
    except (av.error.FFmpegError, ValueError, OSError) as exc:
        raise MediaError("无法解码该视频文件（格式无法识别或文件已损坏）。") from exc
    frames: list[tuple[float, np.ndarray]] = []
    try:
        if not container.streams.video:
            raise MediaError("文件中没有视频画面。")
        stream = container.streams.video[0]
        rate = float(stream.average_rate or stream.guessed_rate or 25)
        next_time = 0.0
        for n, frame in enumerate(container.decode(stream)):
            time = float(frame.time) if frame.time is not None else n / rate
            if time + 1e-6 < next_time:
                continue
            width, height = _scaled(frame.width, frame.height)
            frames.append((round(time, 3), frame.to_ndarray(format="rgb24", width=width, height=height)))
            next_time = (math.floor(time / every + 1e-6) + 1) * every
            if len(frames) >= limit:
                break
    except av.error.FFmpegError as exc:
        if not frames:
            raise MediaError("无法解码该视频文件（文件已损坏）。") from exc
        # a damaged tail: keep the frames read before it
    finally:
        container.close()
    if not frames:
        raise MediaError("视频中没有可解码的画面。")
    return frames


def frame_hashes(frames: Sequence[tuple[float, np.ndarray]]) -> bytes:
    """The PDQ hashes (32 bytes each, in time order) of the frames that carry a picture:
    flat frames (PDQ quality below 50, e.g. black fades) are left out, and so are repeats of
    the previous hash (a still shot), as vPDQ does."""
    out: list[bytes] = []
    for _time, rgb in frames:
        bits, quality = pdqhash.compute(np.ascontiguousarray(rgb))
        if quality < MIN_FRAME_QUALITY:
            continue
        code = np.packbits(np.asarray(bits, dtype=np.uint8)).tobytes()
        if not out or out[-1] != code:
            out.append(code)
    return b"".join(out)


def hashes_array(hashes: bytes) -> np.ndarray:
    """Concatenated 32-byte frame hashes as an (n, 32) uint8 array."""
    return np.frombuffer(hashes, dtype=np.uint8).reshape(-1, PDQ_BYTES)


# Bits set in each byte value: np.bitwise_count needs numpy 2, the project allows 1.24.
_BYTE_BITS = np.unpackbits(np.arange(256, dtype=np.uint8)[:, None], axis=1).sum(axis=1).astype(np.uint8)


def _bits_set(x: np.ndarray) -> np.ndarray:
    """Bits set in each element (uint8 arrays keep their shape; only sums are taken of others)."""
    if hasattr(np, "bitwise_count"):  # numpy 2: five times faster than the table
        return np.bitwise_count(x)
    return _BYTE_BITS[np.ascontiguousarray(x).view(np.uint8)]


def _hamming(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """All pairwise Hamming distances between the rows of two (n, 32) uint8 arrays."""
    return _bits_set(a[:, None, :] ^ b[None, :, :]).sum(axis=2, dtype=np.int32)


def video_match(frames_a: bytes | np.ndarray, frames_b: bytes | np.ndarray) -> float:
    """The vPDQ rule: the fraction of a's distinct frame hashes within 31 bits of one of b's,
    and the same the other way round; returns the smaller (0.0 when either has no frame).

    vPDQ calls two videos a match when both fractions reach 80 % (``VIDEO_MATCH`` in
    ``services``), so a copy must cover most of the registered video and vice versa.
    """
    a = hashes_array(frames_a) if isinstance(frames_a, bytes) else frames_a
    b = hashes_array(frames_b) if isinstance(frames_b, bytes) else frames_b
    a, b = np.unique(a, axis=0), np.unique(b, axis=0)
    if not len(a) or not len(b):
        return 0.0
    near = _hamming(a, b) <= FRAME_MATCH_BITS
    return float(min(near.any(axis=1).mean(), near.any(axis=0).mean()))


# --- audio -----------------------------------------------------------------------------------

def audio_print(data: bytes, filename: str) -> np.ndarray:
    """The raw Chromaprint fingerprint (uint32 sub-fingerprints) of an audio file, or of a
    video's soundtrack, by running ``fpcalc -raw -json`` on a temporary copy."""
    fpcalc = shutil.which("fpcalc")
    if fpcalc is None:
        raise MediaError("未安装 fpcalc（Debian 软件包 libchromaprint-tools），音频未比对。")
    if not data:
        raise MediaError("音频文件为空。")
    suffix = PurePath(filename).suffix.lower()
    suffix = suffix if suffix.isascii() and len(suffix) <= 8 else ""
    fd, path = tempfile.mkstemp(suffix=suffix, prefix="banquan-fpcalc-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        try:
            run = subprocess.run([fpcalc, "-raw", "-json", "-length", str(AUDIO_SECONDS), path],
                                 capture_output=True, timeout=FPCALC_TIMEOUT, check=False)
        except subprocess.TimeoutExpired as exc:
            raise MediaError("计算音频指纹超时。") from exc
    finally:
        os.unlink(path)
    # Exit status 3 means a decoding error part-way; fpcalc still prints the fingerprint of
    # what it read, which is as good as the input allows. Only a missing print is an error.
    try:
        result = json.loads(run.stdout.decode("utf-8", "replace") or "{}")
    except json.JSONDecodeError:
        result = {}
    items = result.get("fingerprint") if isinstance(result, dict) else None
    if not items:
        raise MediaError("无法解码该音频（或文件中没有声音）。")
    return np.asarray(items, dtype=np.int64).astype(np.uint32)


def audio_ber(a: np.ndarray, b: np.ndarray, *, min_overlap: int = MIN_OVERLAP) -> tuple[float, int]:
    """The smallest bit-error rate between two raw Chromaprint prints over every alignment
    that overlaps at least ``min_overlap`` sub-fingerprints (all of the shorter print when it
    is shorter), and that alignment: b[i] is compared with a[i + offset].

    Copies of one recording (re-encoded, trimmed, louder or quieter) land well below 0.2 at
    their alignment; different recordings stay near 0.4–0.5 (thresholds in ``services``).
    Returns (1.0, 0) when either print is empty.
    """
    a = np.asarray(a, dtype=np.uint32)
    b = np.asarray(b, dtype=np.uint32)
    n, m = len(a), len(b)
    if not n or not m:
        return 1.0, 0
    need = min(min_overlap, n, m)
    best, best_offset = 1.0, 0
    for offset in range(need - m, n - need + 1):
        lo, hi = max(0, -offset), min(m, n - offset)
        errors = int(_bits_set(a[lo + offset:hi + offset] ^ b[lo:hi]).sum(dtype=np.int64))
        ber = errors / (32 * (hi - lo))
        if ber < best:
            best, best_offset = ber, offset
    return best, best_offset


def sub_print_keys(prints: np.ndarray, bits: int) -> np.ndarray:
    """The distinct high ``bits`` of each sub-fingerprint: the keys of the inverted index
    (AcoustID's trick: the top bits survive re-encoding more often than all 32 do)."""
    return np.unique(np.asarray(prints, dtype=np.uint32) >> np.uint32(32 - bits))
