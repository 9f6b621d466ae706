"""k-gram hashes and the winnowing selection, vectorised with numpy.

A token's symbol is hashed once (xxh3, cached: the normalised vocabulary is small); a k-gram's
hash is a polynomial over its tokens' hashes modulo 2^64, finished with the splitmix64 mixer so
that its bits are uniform (the minimum of a window must be a fair draw). Winnowing keeps, in every
window of w consecutive k-grams, the minimum hash, the rightmost one when it occurs twice (robust
winnowing: a run of equal hashes, repeated code, gives one fingerprint instead of many), and each
selected position once.
"""

from functools import lru_cache

import numpy as np
import xxhash

from banquan.software.winnow.params import WinnowParams
from banquan.software.winnow.tokens import Token

_BASE = np.uint64(0x100000001B3)  # the FNV prime: odd, so the polynomial loses no information


@lru_cache(maxsize=65536)
def symbol_hash(symbol: str) -> int:
    return xxhash.xxh3_64_intdigest(symbol.encode("utf-8", "surrogatepass"))


def token_hashes(tokens: list[Token]) -> np.ndarray:
    return np.fromiter((symbol_hash(t.symbol) for t in tokens), dtype=np.uint64, count=len(tokens))


def kgram_hashes(hashes: np.ndarray, k: int) -> np.ndarray:
    """Hash of every k consecutive tokens (len(hashes) - k + 1 of them, none when too short)."""
    count = len(hashes) - k + 1
    if count <= 0:
        return np.empty(0, dtype=np.uint64)
    acc = hashes[:count].copy()
    for j in range(1, k):
        acc *= _BASE
        acc += hashes[j:j + count]
    return _mix(acc)


def _mix(x: np.ndarray) -> np.ndarray:
    x = x ^ (x >> np.uint64(30))
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def winnow(hashes: np.ndarray, w: int) -> np.ndarray:
    """Positions of the selected k-grams (sorted, each once)."""
    n = len(hashes)
    if n == 0:
        return np.empty(0, dtype=np.int64)
    if n <= w:
        return np.array([n - 1 - int(np.argmin(hashes[::-1]))])
    windows = np.lib.stride_tricks.sliding_window_view(hashes, w)
    rightmost = (w - 1) - np.argmin(windows[:, ::-1], axis=1)
    positions = np.arange(n - w + 1) + rightmost
    keep = np.empty(len(positions), dtype=bool)
    keep[0] = True
    keep[1:] = positions[1:] != positions[:-1]
    return positions[keep]


def fingerprint_tokens(tokens: list[Token], params: WinnowParams) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The winnowed hashes of one file's tokens, with the first and last line of each k-gram."""
    kgrams = kgram_hashes(token_hashes(tokens), params.k)
    chosen = winnow(kgrams, params.w)
    lines = np.fromiter((t.line for t in tokens), dtype=np.int32, count=len(tokens))
    return kgrams[chosen], lines[chosen], lines[chosen + params.k - 1]
