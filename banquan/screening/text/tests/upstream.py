"""Run the 136 upstream screening cases (../shared/eval/sensitive/cases.tsv) through banquan.

Upstream engines report results in different shapes; each case is compared the way its
engine reports (every overlapping hit, outermost hits only, lexicon terms instead of matched
text, or only the terms the upstream test asserted). Run as a script to print the pass rate
per category for docs/screening.md.
"""

import csv
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from banquan.screening.text import Screener, Term

CASES = Path(__file__).resolve().parents[4] / ".." / "shared" / "eval" / "sensitive" / "cases.tsv"

# Upstream reports the longest hit (or the first) where banquan reports every hit; compared
# after dropping hits that lie inside another hit.
OUTERMOST = {"C021", "C033", "C034", "C075"}
# Upstream lists the lexicon term matched, not the text.
BY_TERM = {"C109", "C110", "C111", "C112", "C113"}


@dataclass
class Case:
    id: str
    category: str
    terms: list[str]
    allow: list[str]
    options: str
    text: str
    expected: list[str]
    note: str


def load() -> list[Case]:
    with CASES.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    out = []
    for r in rows:
        source = r["min_terms"] if r["lexicon"].startswith("BUILTIN") else r["lexicon"]
        out.append(Case(r["id"], r["category"], [t for t in source.split("|") if t],
                        [t for t in r["allow"].split("|") if t], r["options"], r["text"],
                        json.loads(r["expected"]), r["note"]))
    return out


def _tags(options: str) -> dict[str, str]:
    m = re.search(r"tags\{(.*?)\}", options)
    if not m:
        return {}
    return {k.strip(): v.split(",")[0].strip() for k, v in (p.split(":") for p in m.group(1).split(";"))}


def outermost(hits):
    return [h for h in hits if not any(o is not h and o.start <= h.start and h.end <= o.end
                                       and (o.end - o.start) > (h.end - h.start) for o in hits)]


def run(case: Case) -> list[str]:
    """What banquan reports for the case, in the shape upstream reports it."""
    tags = _tags(case.options)
    terms = [Term(t, tags.get(t, "未分类")) for t in case.terms]
    contacts = bool(re.search(r"enable(Num|Email|Url|Ipv4)Check=true", case.options))
    screener = Screener.build(terms, case.allow, detect_contacts=contacts)
    wanted = re.search(r"wordTags\[(.*?)\]", case.options)
    hits = screener.scan(case.text, categories=[wanted.group(1)] if wanted else None)
    if case.id in OUTERMOST:
        hits = outermost(hits)
    return sorted(h.term if case.id in BY_TERM else h.matched for h in hits)


def passes(case: Case, got: list[str]) -> bool:
    expected = sorted(case.expected)
    if "contains() asserted" in case.note:
        return all(got.count(e) >= expected.count(e) for e in expected)
    return got == expected


def report() -> dict[str, tuple[int, int]]:
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case in load():
        group = case.category.split("(")[0].split("+")[0]
        per[group][1] += 1
        per[group][0] += passes(case, run(case))
    return {k: (v[0], v[1]) for k, v in sorted(per.items())}


if __name__ == "__main__":
    total = [0, 0]
    for group, (ok, n) in report().items():
        total[0] += ok
        total[1] += n
        print(f"| {group} | {ok}/{n} |")
    print(f"| **all** | **{total[0]}/{total[1]}** |")
    for case in load():
        got = run(case)
        if not passes(case, got):
            print(case.id, case.category, repr(case.text[:40]), "expected", sorted(case.expected), "got", got)
