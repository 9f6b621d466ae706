"""What each character means to the screening engine (no database).

Every code point is folded to zero or more *symbols*:
- separators (spaces, punctuation, symbols, control and format characters, combining marks)
  fold to nothing, so ``傻@冒`` reads as ``傻冒``;
- letters and digits fold through NFKC (full-width, circled ⓕ, parenthesised ⒡ ⑴, super- and
  subscripts), lose their diacritics (café), are case-folded; Roman numerals become digits;
- Chinese numerals become digits (三 → 3, 貳 → 2), so ``下三滥`` and ``下3滥`` are one term;
- traditional and variant characters become simplified (opencc t2s, tw2s, hk2s, jp2t);
- lookalike characters from other scripts and a short list of Han lookalikes become the
  character they imitate (homoglyphs: Cyrillic а → a, 巿 → 市);
- beside this stream of characters the scanner keeps a second one, where every Han character
  with a reading is the *syllable token* of its toneless pinyin (a private-use code point),
  so homophones (策士/测试) read alike.

Both are computed once per process into flat tables for the native scanner.
"""

import functools
import unicodedata
from array import array

import opencc
from pypinyin import pinyin_dict

TABLE_SIZE = 0x30000  # the BMP and the supplementary ideographic planes
TOKEN_BASE = 0xE000  # syllable tokens live in the BMP private use area
MULTI = 0x80000000

CHINESE_DIGITS = dict(zip("〇零一二三四五六七八九", "00123456789", strict=True))
CHINESE_DIGITS.update(zip("壹贰叁肆伍陆柒捌玖幺", "1234567891", strict=True))
ROMAN = {chr(0x2160 + i): str(i + 1) for i in range(12)} | {chr(0x2170 + i): str(i + 1) for i in range(12)}

# Han lookalikes seen in evasions, mapped to the character they imitate. Kept short on
# purpose: every pair also makes innocent text read alike.
HAN_HOMOGLYPHS = dict(
    pair.split(">")
    for pair in (
        "巿>市 戍>戊 戌>戊 曰>日 囗>口 冫>氵 亻>人 阝>耳 灬>火 钅>金 扌>手 犭>犬 礻>示 衤>衣 "
        "忄>心 讠>言 纟>丝 饣>食 刂>刀 丷>八 兦>亡 圡>土 朩>木 氺>水 乚>乙"
    ).split()
)


def _latin_homoglyphs() -> dict[str, str]:
    """Cyrillic and Greek letters that look like Latin ones (confusable-homoglyphs data)."""
    from confusable_homoglyphs import confusables

    out: dict[str, str] = {}
    for latin in "abcdefghijklmnopqrstuvwxyz0123456789":
        for ch in (latin, latin.upper()):
            found = confusables.is_confusable(ch, preferred_aliases=[], greedy=True) or []
            for group in found:
                for homoglyph in group["homoglyphs"]:
                    c = homoglyph["c"]
                    if len(c) == 1 and unicodedata.name(c, "").split(" ")[0] in ("CYRILLIC", "GREEK"):
                        out.setdefault(c, latin)
    return out


@functools.cache
def _converters() -> list[opencc.OpenCC]:
    return [opencc.OpenCC(name) for name in ("t2s", "tw2s", "hk2s", "jp2t")]


def simplify(ch: str) -> str:
    """Traditional and variant forms to simplified, one character at a time."""
    t2s, tw2s, hk2s, jp2t = _converters()
    if _in_gb2312(ch):  # a mainland character: only the plain traditional mapping applies
        out = t2s.convert(ch)
        return out if len(out) == 1 else ch
    for conv in (t2s, tw2s, hk2s):
        out = conv.convert(ch)
        if out != ch and len(out) == 1:
            return out
    out = t2s.convert(jp2t.convert(ch))
    return out if len(out) == 1 else ch


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def _strip_marks(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def is_han(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("CJK UNIFIED IDEOGRAPH")


def fold(ch: str) -> str:
    """Case, width, styles, diacritics, numerals and script variants; separators → ''."""
    if ch in ROMAN:
        return ROMAN[ch]
    out = []
    for c in _strip_marks(unicodedata.normalize("NFKC", ch)).casefold():
        c = simplify(c) if is_han(c) else c
        c = CHINESE_DIGITS.get(c, c)
        cat = unicodedata.category(c)
        if cat[0] == "L":
            out.append(c)
        elif cat[0] == "N":
            digit = unicodedata.digit(c, None)
            value = unicodedata.numeric(c, None)
            if digit is not None:
                out.append(str(digit))
            elif value is not None and value == int(value) and value >= 0:
                out.append(str(int(value)))
            else:
                out.append(c)
    return "".join(out)


@functools.cache
def homoglyphs() -> dict[str, str]:
    return HAN_HOMOGLYPHS | _latin_homoglyphs()


def _reading(ch: str) -> str | None:
    raw = pinyin_dict.pinyin_dict.get(ord(ch))
    if not raw:
        return None
    first = raw.split(",")[0]
    return _strip_marks(first.replace("ü", "v").replace("ǖ", "v").replace("ǘ", "v").replace("ǚ", "v").replace("ǜ", "v"))


@functools.cache
def syllables() -> list[str]:
    """Every toneless syllable, in a fixed order (a token's number is its index)."""
    return sorted({r for cp in pinyin_dict.pinyin_dict if (r := _reading(chr(cp)))})


@functools.cache
def _syllable_index() -> dict[str, int]:
    return {s: i for i, s in enumerate(syllables())}


@functools.lru_cache(maxsize=1 << 17)
def reading(ch: str) -> str | None:
    """Toneless pinyin of a (folded) Han character, e.g. 张 → zhang."""
    return _reading(ch)


def token(ch: str) -> str:
    """The symbol a folded character becomes in the scanned stream."""
    r = _reading(ch) if len(ch) == 1 and ord(ch) >= 0x3400 else None
    return chr(TOKEN_BASE + _syllable_index()[r]) if r else ch


def syllable_of(tok: str) -> str | None:
    n = ord(tok) - TOKEN_BASE
    names = syllables()
    return names[n] if 0 <= n < len(names) else None


@functools.cache
def spelling() -> dict[int, str]:
    """``str.translate`` table from syllable tokens to their pinyin."""
    return {TOKEN_BASE + i: name for i, name in enumerate(syllables())}


def symbols(ch: str) -> str:
    """What one character becomes in the scanned stream: folded, homoglyphs replaced."""
    glyphs = homoglyphs()
    return "".join(glyphs.get(c, c) for c in fold(ch))


@functools.cache
def sounds() -> array:
    """Syllable token of each symbol below TABLE_SIZE (0 where it has none)."""
    out = array("I", bytes(4 * TABLE_SIZE))
    for cp in range(0x3400, TABLE_SIZE):
        if not 0xD800 <= cp < 0xE000:
            t = token(chr(cp))
            if t != chr(cp):
                out[cp] = ord(t)
    return out


@functools.cache
def table() -> tuple[array, array]:
    """The flat lookup used by the scanner: one uint32 per code point below TABLE_SIZE.

    0 = separator; a value with the MULTI bit = ``count << 24 | offset`` into the pool;
    anything else = the single symbol.
    """
    entries = array("I", bytes(4 * TABLE_SIZE))
    pool = array("I")
    for cp in range(TABLE_SIZE):
        if 0xD800 <= cp < 0xE000:
            continue
        out = symbols(chr(cp))
        if len(out) == 1:
            entries[cp] = ord(out)
        elif len(out) > 1:
            entries[cp] = MULTI | (len(out) << 24) | len(pool)
            pool.extend(ord(c) for c in out)
    return entries, pool
