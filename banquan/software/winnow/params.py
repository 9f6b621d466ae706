"""k (the k-gram length) and w (the winnowing window) per token family.

Winnowing guarantees that any shared run of at least t = w + k - 1 tokens is detected and that
nothing shorter than k tokens is (Schleimer, Wilkerson and Aiken 2003); it keeps about
2 / (w + 1) of the k-gram hashes.

- Tokens (Python, C-like): k = 15 normalised tokens, about a line and a half of code. With
  identifiers and literals replaced by placeholders the vocabulary is small, and shorter k-grams
  (``I = I ( I , I ) ;`` is 9) recur across unrelated programs; 15 keeps two unrelated real
  packages under a few per cent shared (measured in the tests). w = 20 makes t = 34 tokens, three
  to five lines: any copied block of that size leaves at least one fingerprint, and a program
  keeps one fingerprint for every ~10 tokens (one or two per line).
- Characters (other languages, documentation): k = 25 non-blank characters as in MOSS's default
  for text, w = 40, so t = 64 characters, about two lines.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class WinnowParams:
    k: int
    w: int

    @property
    def guarantee(self) -> int:
        """Shared runs of this many tokens or more always share a fingerprint."""
        return self.w + self.k - 1


TOKEN_PARAMS = WinnowParams(k=15, w=20)
CHARACTER_PARAMS = WinnowParams(k=25, w=40)
PARAMS = {"python": TOKEN_PARAMS, "c_like": TOKEN_PARAMS, "text": CHARACTER_PARAMS}
