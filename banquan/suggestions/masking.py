"""What never goes to the language model: owners' identity document numbers (no database).

The prompts leave the ID fields out altogether; ``mask`` also hides any number of that shape
an applicant typed into free text (the creation statement, a sample's text), and each owner's
own number verbatim, whatever its type (passports, other documents)."""

import re

# 居民身份证 (18 characters, last may be X), its 15-digit predecessor, and the 统一社会信用代码.
_PATTERNS = (
    re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])"),
    re.compile(r"(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])"),
    re.compile(r"(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])"),
)
HIDDEN = "[证件号码已隐去]"


def mask(text: str, known: list[str] | tuple[str, ...] = ()) -> str:
    for number in sorted({n.strip() for n in known if len(n.strip()) >= 5}, key=len, reverse=True):
        text = re.sub(re.escape(number), HIDDEN, text, flags=re.IGNORECASE)
    for pattern in _PATTERNS:
        text = pattern.sub(HIDDEN, text)
    return text
