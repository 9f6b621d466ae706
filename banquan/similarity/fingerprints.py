"""256-bit similarity fingerprints of a work's content (no database).

Two codes of the same length compare by Hamming distance: a resized, re-encoded or lightly
edited copy of a work lands a few dozen bits from the original, an unrelated work about half
the bits (128) away. The near-duplicate index (``index.py``) stores these codes.

- ``image_code``: PDQ (Meta's perceptual hash, via the ``pdqhash`` package), 256 bits.
- ``text_code``: SimHash over character 4-gram shingles of the folded text, 256 bits.
"""

import io
import warnings

import numpy as np
import pdqhash
import xxhash
from PIL import Image, ImageOps

from banquan.screening.text.fold import fold

CODE_BYTES = 32
CODE_BITS = CODE_BYTES * 8
PDQ_SIDE = 512  # PDQ's reference downsamples to this first; it keeps the hash fast on big scans
SHINGLE = 4
MIN_TEXT = 50  # folded characters; shorter texts have too few shingles to be told apart
_CHUNK = 65536  # shingles per vectorised step (65536 × 256 bytes of unpacked bits = 16 MB)


def _rgb(data: bytes) -> np.ndarray | None:
    """The upright image as an RGB array at most PDQ_SIDE a side, transparency on white."""
    try:
        with warnings.catch_warnings():
            # Pillow warns (rather than refuses) between MAX_IMAGE_PIXELS and twice that
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as opened:
                im: Image.Image = ImageOps.exif_transpose(opened) or opened
                if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
                    rgba = im.convert("RGBA")
                    white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
                    im = Image.alpha_composite(white, rgba)
                im = im.convert("RGB")
                im.thumbnail((PDQ_SIDE, PDQ_SIDE), Image.Resampling.BOX)
                return np.asarray(im, dtype=np.uint8)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError,
            Image.DecompressionBombWarning):
        return None


def image_code(data: bytes) -> bytes | None:
    """The 256-bit PDQ perceptual hash of an image, or None when the data is no decodable image.

    PDQ (as in Meta's ThreatExchange) is robust to resizing, re-compression and small colour
    or brightness changes: such copies stay within about 30 bits, unrelated images near 128.
    """
    pixels = _rgb(data)
    if pixels is None or pixels.size == 0:
        return None
    bits, _quality = pdqhash.compute(pixels)
    return np.packbits(np.asarray(bits, dtype=np.uint8)).tobytes()


def _shingle_hash(shingle: str) -> bytes:
    raw = shingle.encode("utf-8")
    return xxhash.xxh3_128_digest(raw, seed=0) + xxhash.xxh3_128_digest(raw, seed=1)


def text_code(text: str) -> bytes | None:
    """The 256-bit SimHash of the text's distinct character 4-grams, or None for short texts.

    The text is first folded like the screening engine scans it (punctuation and spaces
    dropped; width, case and traditional/simplified folded), so those edits change nothing.
    Each distinct shingle is hashed to 256 bits (two seeded XXH3-128); a code bit is set when
    more than half of the shingles have it set.
    """
    symbols = fold(text).symbols
    if len(symbols) < MIN_TEXT:
        return None
    shingles = sorted({symbols[i:i + SHINGLE] for i in range(len(symbols) - SHINGLE + 1)})
    counts = np.zeros(CODE_BITS, dtype=np.int64)
    for start in range(0, len(shingles), _CHUNK):
        chunk = shingles[start:start + _CHUNK]
        digests = np.frombuffer(b"".join(map(_shingle_hash, chunk)), dtype=np.uint8)
        counts += np.unpackbits(digests.reshape(len(chunk), CODE_BYTES), axis=1).sum(axis=0, dtype=np.int64)
    return np.packbits((counts * 2 > len(shingles)).astype(np.uint8)).tobytes()


def distance(a: bytes, b: bytes) -> int:
    """Hamming distance in bits between two codes of the same length."""
    if len(a) != len(b):
        raise ValueError("codes differ in length")
    return (int.from_bytes(a, "big") ^ int.from_bytes(b, "big")).bit_count()


def similarity(a: bytes, b: bytes) -> float:
    """1.0 for equal codes, 0.0 for complementary ones (1 - distance / 256)."""
    return 1.0 - distance(a, b) / CODE_BITS
