"""Line breaking for certificate text by Chinese rules (禁则), independent of fpdf2."""

import re
from collections.abc import Callable

# Chinese line-breaking rules (禁则): marks that may not begin or end a line.
NO_LINE_START = frozenset("，。、；：！？）》」』】〕〉”’…—·%,.;:!?)]}")
NO_LINE_END = frozenset("（《「『【〔〈“‘([{")
# A run of Latin letters, digits and ASCII marks is one unbreakable word; anything else (Han
# characters, full-width marks) may break after every character.
_UNIT = re.compile(r"[!-~\u00c0-\u024f]+ *| +|.", re.DOTALL)


def wrap_lines(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` (as ``measure`` reports widths).

    Explicit newlines are kept. A closing mark that would start a line pulls the previous
    character down with it, and an opening mark never ends a line.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width, measure))
    return lines


def _wrap_paragraph(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    units: list[str] = []
    for unit in _UNIT.findall(text):
        # A word wider than a whole line has to be broken somewhere: break it anywhere.
        units.extend(unit if measure(unit.rstrip()) > width else [unit])
    lines: list[str] = []
    line: list[str] = []
    for unit in units:
        if line and measure("".join(line) + unit.rstrip()) > width:
            carried: list[str] = []
            # Pull characters down until the next line no longer starts with a closing mark.
            while len(line) > 1 and (carried or [unit])[0][0] in NO_LINE_START:
                carried.insert(0, line.pop())
            while len(line) > 1 and line[-1].rstrip()[-1:] in NO_LINE_END:
                carried.insert(0, line.pop())
            lines.append("".join(line).rstrip())
            line = carried
            if unit.isspace():
                continue  # spaces at a break disappear
        line.append(unit)
    if line or not lines:
        lines.append("".join(line).rstrip())
    return lines
