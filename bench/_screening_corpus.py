"""Synthetic material for the screening benchmark: Chinese text with lexicon terms and evasions
planted in it, and a large synthetic lexicon. Deterministic (seeded) and cached under
``bench/results/`` (gitignored), so reruns start at once.

The text is word salad drawn from jieba's dictionary by frequency (``dict.txt`` inside the
``jieba`` package: 349,000 words with corpus counts), cut into sentences and paragraphs with
Chinese punctuation and a few ASCII tokens. Into it go:

- lexicon terms verbatim, about one per ``plain_gap`` characters (500);
- evasions of lexicon terms, about one per ``evasion_gap`` characters (2,000), the kinds taking
  turns (``EVASIONS``): separators between the characters (傻@冒, 法 轮 功), full-width and
  mixed-case letters and digits (ｑｑ, ５星红旗), traditional characters (OpenCC s2t), a repeated
  inner character (代开开发票), one character spelled out in pinyin (代kai发票), one character
  replaced by a homophone (代凯发票).

Every planted item is recorded (character offsets into the text, the lexicon term, the kind), so
the benchmark can tell how many of them a matcher finds.
"""

import hashlib
import itertools
import json
import os
import random
import re
from pathlib import Path
from typing import NamedTuple

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"
SHARED = ROOT.parent / "shared" / "eval" / "sensitive"
DEFAULT_LEXICON = SHARED / "houbb_sensitive_word_dict.txt"
DEFAULT_WHITELIST = SHARED / "houbb_sensitive_word_allow.txt"

VERSION = 1  # bump when the generator changes, so stale caches are not reused
EVASIONS = ("separator", "fullwidth", "traditional", "repeat", "pinyin", "homophone")
SEPARATORS = [" ", " ", "@", "*", "*", "#", ".", "-", "_", "~", "|", "/", "\u3000", "·", "、", "…", "&", "$", "!", "♥"]
SENTENCE_ENDS = "。。。。。！？…；"
ASCII_TOKENS = ["APP", "App", "V1.0", "V2.3", "2023", "2024", "Java", "Python", "ID", "3D", "AI", "PDF",
                "Web", "iOS", "Android", "QQ", "USB", "GPS", "10", "100", "5G", "SDK", "API", "HTML5"]
_CJK = re.compile(r"[\u4e00-\u9fff]+")
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")


class Planted(NamedTuple):
    start: int  # character offsets into the text, end exclusive
    end: int
    kind: str  # "plain" or one of EVASIONS
    term: str  # the lexicon term
    text: str  # what was written: text[start:end]


def read_lines(path: Path) -> list[str]:
    """Non-empty stripped lines, first occurrence kept (the houbb files have no comments)."""
    with open(path, encoding="utf-8-sig") as f:
        return list(dict.fromkeys(line.strip() for line in f if line.strip()))


def jieba_words() -> tuple[list[str], list[int]]:
    """jieba's dictionary: the all-Chinese words and their corpus counts."""
    try:
        import jieba
    except ImportError:
        raise SystemExit("the screening benchmark needs jieba's word list: .venv/bin/pip install jieba") from None
    words, freqs = [], []
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
        for line in f:
            word, freq, _ = line.split(" ")
            if _CJK.fullmatch(word):
                words.append(word)
                freqs.append(int(freq))
    return words, freqs


def _fingerprint(*parts: object) -> str:
    h = hashlib.sha1()
    for p in parts:
        h.update(p if isinstance(p, bytes) else str(p).encode())
        h.update(b"\0")
    return h.hexdigest()[:10]


def _lexicon_key(terms: list[str]) -> str:
    return _fingerprint("\n".join(terms).encode())


# --- evasions ---------------------------------------------------------------------------------------


class _Evader:
    def __init__(self, terms: list[str], words: list[str], freqs: list[int]):
        import opencc
        from pypinyin import lazy_pinyin

        self.spell = lambda ch: lazy_pinyin(ch)[0]
        self.s2t = opencc.OpenCC("s2t").convert
        printable = [t for t in terms if 2 <= len(t) <= 12 and t.isprintable()]
        self.pool = {
            "plain": printable,
            "separator": printable,
            "fullwidth": [t for t in printable if _ASCII_ALNUM.search(t)],
            "traditional": [t for t in printable if _CJK.search(t)],
            "repeat": [t for t in printable if len(t) >= 3],
            "pinyin": [t for t in printable if _CJK.search(t)],
            "homophone": [t for t in printable if _CJK.search(t)],
        }
        # homophones: the commonest single-character words sharing a toneless pinyin reading
        singles = sorted(((f, w) for w, f in zip(words, freqs, strict=True) if len(w) == 1), reverse=True)
        by_sound: dict[str, list[str]] = {}
        for _, ch in singles:
            by_sound.setdefault(self.spell(ch), []).append(ch)
        self.homophones = {ch: [c for c in group[:4] if c != ch] for group in by_sound.values() for ch in group}

    def term(self, rng: random.Random, kind: str) -> tuple[str, str]:
        """A lexicon term and its evaded form (the term itself for "plain")."""
        pool = self.pool[kind]
        if kind == "plain":
            term = rng.choice(pool)
            return term, term
        for _ in range(50):
            term = rng.choice(pool)
            evaded = getattr(self, kind)(rng, term)
            if evaded and evaded != term:
                return term, evaded
        raise RuntimeError(f"no term takes the {kind} evasion")

    @staticmethod
    def _cjk_positions(term: str) -> list[int]:
        return [i for i, ch in enumerate(term) if "\u4e00" <= ch <= "\u9fff"]

    def separator(self, rng: random.Random, term: str) -> str:
        gaps = [i for i in range(1, len(term)) if rng.random() < 0.7] or [rng.randrange(1, len(term))]
        out = []
        for i, ch in enumerate(term):
            if i in gaps:
                sep = rng.choice(SEPARATORS)
                out.append(sep * (2 if rng.random() < 0.15 else 1))
            out.append(ch)
        return "".join(out)

    def fullwidth(self, rng: random.Random, term: str) -> str:
        out = []
        for ch in term:
            if ch.isascii() and ch.isalnum():
                if ch.isalpha() and rng.random() < 0.3:
                    ch = ch.swapcase()
                if rng.random() < 0.8:
                    ch = chr(ord(ch) + 0xFEE0)
            out.append(ch)
        return "".join(out)

    def traditional(self, rng: random.Random, term: str) -> str:
        return self.s2t(term)

    def repeat(self, rng: random.Random, term: str) -> str:
        i = rng.randrange(1, len(term) - 1)  # an inner character: an outer one leaves the term intact
        return term[:i] + term[i] * rng.choice((2, 2, 3)) + term[i + 1:]

    def pinyin(self, rng: random.Random, term: str) -> str | None:
        cjk = self._cjk_positions(term)
        if not cjk:
            return None
        i = rng.choice(cjk)
        return term[:i] + self.spell(term[i]) + term[i + 1:]

    def homophone(self, rng: random.Random, term: str) -> str | None:
        cjk = [i for i in self._cjk_positions(term) if self.homophones.get(term[i])]
        if not cjk:
            return None
        i = rng.choice(cjk)
        return term[:i] + rng.choice(self.homophones[term[i]]) + term[i + 1:]


# --- the text ---------------------------------------------------------------------------------------


def corpus(mb: float, seed: int, terms: list[str], *, plain_gap: int = 500, evasion_gap: int = 2000,
           quiet: bool = False) -> tuple[str, list[Planted]]:
    """At least ``mb`` × 10^6 bytes of UTF-8 text with planted terms; cached."""
    import jieba

    key = _fingerprint(VERSION, f"{mb:g}", seed, plain_gap, evasion_gap, _lexicon_key(terms), jieba.__version__)
    base = RESULTS / f"screening-text-{mb:g}MB-seed{seed}-{key}"
    txt, manifest = base.with_suffix(".txt"), base.with_suffix(".planted.json")
    if txt.exists() and manifest.exists():
        text = txt.read_text(encoding="utf-8")
        planted = [Planted(*p) for p in json.loads(manifest.read_text(encoding="utf-8"))]
        return text, planted

    if not quiet:
        print(f"  generating {mb:g} MB of text (cached as {txt.relative_to(ROOT)}) …", flush=True)
    words, freqs = jieba_words()
    cum = list(itertools.accumulate(freqs))
    ev = _Evader(terms, words, freqs)
    rng = random.Random(seed)
    target = int(mb * 1_000_000)
    pieces: list[str] = []
    planted: list[Planted] = []
    pos = nbytes = 0
    next_plain = rng.randint(1, 2 * plain_gap)
    next_evasion = rng.randint(1, 2 * evasion_gap)
    kinds = itertools.cycle(EVASIONS)

    def put(s: str) -> None:
        nonlocal pos, nbytes
        pieces.append(s)
        pos += len(s)
        nbytes += len(s.encode())

    while nbytes < target:
        batch = rng.choices(words, cum_weights=cum, k=20_000)
        i = 0
        while i < len(batch) and nbytes < target:
            # a paragraph of 2-8 sentences of 6-30 words, commas every 4-12 words
            for _ in range(rng.randint(2, 8)):
                n = rng.randint(6, 30)
                comma = rng.randint(4, 12)
                for j, word in enumerate(batch[i:i + n]):
                    if j and j % comma == 0:
                        put(rng.choice("，，，，、："))
                    if pos >= next_plain:
                        term, _ = ev.term(rng, "plain")
                        planted.append(Planted(pos, pos + len(term), "plain", term, term))
                        put(term)
                        next_plain = pos + rng.randint(1, 2 * plain_gap)
                    if pos >= next_evasion:
                        kind = next(kinds)
                        term, evaded = ev.term(rng, kind)
                        planted.append(Planted(pos, pos + len(evaded), kind, term, evaded))
                        put(evaded)
                        next_evasion = pos + rng.randint(1, 2 * evasion_gap)
                    if rng.random() < 0.01:
                        put(rng.choice(ASCII_TOKENS))
                    pieces.append(word)
                    pos += len(word)
                    nbytes += 3 * len(word)  # all-CJK words: 3 bytes a character
                i += n
                put(rng.choice(SENTENCE_ENDS))
            put("\n")
    text = "".join(pieces)
    RESULTS.mkdir(exist_ok=True)
    tmp = txt.with_suffix(f".tmp{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    manifest.write_text(json.dumps([list(p) for p in planted], ensure_ascii=False), encoding="utf-8")
    tmp.replace(txt)
    return text, planted


# --- a large lexicon --------------------------------------------------------------------------------


def many_terms(n: int, seed: int, terms: list[str], *, quiet: bool = False) -> Path:
    """A file of ``n`` distinct terms: the lexicon's, then combinations of 1-4 jieba words of 2-8
    characters (uniform over the dictionary, so mostly rare words). Cached; returns its path."""
    import jieba

    key = _fingerprint(VERSION, n, seed, _lexicon_key(terms), jieba.__version__)
    path = RESULTS / f"screening-terms-{n}-seed{seed}-{key}.txt"
    if path.exists():
        return path
    if not quiet:
        print(f"  generating {n:,} terms (cached as {path.relative_to(ROOT)}) …", flush=True)
    words, _ = jieba_words()
    rng = random.Random(seed)
    out = dict.fromkeys(terms[:n])
    while len(out) < n:
        want = rng.randint(2, 8)
        term = ""
        while len(term) < want:
            term += rng.choice(words)
        if len(term) <= 8:
            out[term] = None
    RESULTS.mkdir(exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_text("".join(t + "\n" for t in out), encoding="utf-8")
    tmp.replace(path)
    return path
