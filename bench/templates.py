"""The template check at acceptance: how long deciding whether a new software filing is
near-identical to other applicants' recent filings takes, with the candidate index
(``software.recent``: sampled inverted index, the 100 best candidates, ``template_groups`` among
them) against the previous whole-window check (``template_groups`` over every recent filing), in
the same process.

Corpus (seeded, no database), from ``bench/winnow.py``'s pool of real site-packages files: --n
recent filings, each a run of real files re-keyed with its own salt (its own content, the size
and structure of real code). Among them --groups templates, each filed by --group-size
different applicants with one of its files dropped at random per filing (a module removed). Checked: one member of each template (must be flagged) and as many singletons
(must not be). The whole-window baseline runs on the first --baseline-n filings only (it costs
a search per filing per check); the ratio compares both at that size.

    .venv/bin/python bench/templates.py                 # 20,000 filings, about 3 minutes
    .venv/bin/python bench/templates.py --n 3000 --pool-lines 60000    # quick
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import winnow as corpus  # noqa: E402  (bench/winnow.py: the pool and synthetic programs)

from banquan.software.winnow import FingerprintIndex, ProgramPrint  # noqa: E402
from banquan.software.winnow.templates import (  # noqa: E402
    CANDIDATE_MIN_SHARED,
    CANDIDATE_SAMPLE,
    CANDIDATES,
    Filing,
    likely_template,
    template_groups,
)


def variant(program: ProgramPrint, rng: np.random.Generator) -> ProgramPrint:
    """The template as one applicant files it: one file dropped (unless it is a tenth of the
    program or more), so that any two filings of a template stay near-identical (≥ 80 %)."""
    sizes = np.bincount(program.files, minlength=len(program.paths))
    small = np.flatnonzero((sizes > 0) & (sizes < 0.1 * len(program.hashes)))
    if len(small) == 0:
        return program
    mask = program.files != rng.choice(small)
    return ProgramPrint(program.paths, program.hashes[mask], program.files[mask], program.first_lines[mask],
                        program.last_lines[mask])


def flagged(filing: Filing, neighbours: list[Filing]) -> bool:
    groups = template_groups([filing, *neighbours])
    return any(filing.filing_id in g.filing_ids for g in groups)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--groups", type=int, default=50)
    parser.add_argument("--group-size", type=int, default=5)
    parser.add_argument("--baseline-n", type=int, default=2_000)
    parser.add_argument("--baseline-checks", type=int, default=6)
    parser.add_argument("--pool-lines", type=int, default=200_000)
    parser.add_argument("--median-lines", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    print(f"load average at start: {os.getloadavg()}")
    pool = corpus.set_boilerplate_apart(corpus.build_pool(corpus.DEFAULT_PACKAGES.split(","), args.pool_lines), rng)
    everywhere = np.arange(len(pool.files) - 1)

    def synthetic(number: int) -> ProgramPrint:
        lines = int(np.clip(rng.lognormal(np.log(args.median_lines), 0.8), 200, 20_000))
        start, stop = corpus.run_of_files(pool, rng, lines, everywhere)
        return corpus.synthetic_print(pool, corpus.Synthetic(start, stop, -1, args.seed * 1_000_003 + number))

    t0 = time.perf_counter()
    filings: list[Filing] = []
    members: list[int] = []
    for group in range(args.groups):
        template = synthetic(10_000_000 + group)
        for k in range(args.group_size):
            members.append(len(filings)) if k == 0 else None
            filings.append(Filing(str(len(filings)), f"t{group}-{k}", variant(template, rng)))
    while len(filings) < args.n:
        filings.append(Filing(str(len(filings)), f"a{len(filings)}", synthetic(len(filings))))
    order = rng.permutation(len(filings))  # templates spread through the window
    filings = [Filing(str(i), filings[j].applicant, filings[j].program) for i, j in enumerate(order)]
    where = {int(j): i for i, j in enumerate(order)}
    members = [where[m] for m in members]
    singles = [i for i in rng.permutation(len(filings)).tolist() if filings[i].applicant.startswith("a")][:len(members)]
    print(f"{len(filings):,} recent filings ({args.groups} templates × {args.group_size} applicants) made in "
          f"{time.perf_counter() - t0:.1f} s")

    t0 = time.perf_counter()
    index = FingerprintIndex(max_df=2**31 - 1, sample=CANDIDATE_SAMPLE)
    for f in filings:
        index.add(f.filing_id, f.applicant, f.program)
    index.flush()
    print(f"candidate index: built in {time.perf_counter() - t0:.1f} s, {index.memory_bytes() / 2**20:,.0f} MiB")

    def candidate_check(i: int, within: int) -> tuple[bool, float]:
        t = time.perf_counter()
        found = index.search(filings[i].program, limit=CANDIDATES, min_shared=CANDIDATE_MIN_SHARED)
        neighbours = [filings[int(c.program_id)] for c in found
                      if int(c.program_id) != i and int(c.program_id) < within and likely_template(c)]
        return flagged(filings[i], neighbours), time.perf_counter() - t

    results = {i: candidate_check(i, len(filings)) for i in members + singles}
    times = [t * 1000 for _, t in results.values()]
    recall = sum(results[i][0] for i in members) / len(members)
    false = sum(results[i][0] for i in singles)
    print(f"candidate check at {len(filings):,}: p50 {statistics.median(times):.1f} ms, "
          f"p99 {np.percentile(times, 99):.1f} ms; templates flagged {recall:.0%}, singletons flagged {false}")

    small = args.baseline_n
    probe = [i for i in members + singles if i < small][:args.baseline_checks]
    whole, cand = [], []
    for i in probe:  # alternating, same filings
        t = time.perf_counter()
        whole_flag = flagged(filings[i], [f for f in filings[:small] if f.filing_id != str(i)])
        whole.append(time.perf_counter() - t)
        flag, seconds = candidate_check(i, small)
        cand.append(seconds)
        assert flag == whole_flag, f"filing {i}: candidate check {flag}, whole window {whole_flag}"
    print(f"at {small:,} filings ({len(probe)} checks, same answers): whole window "
          f"{statistics.median(whole) * 1000:,.0f} ms, candidates {statistics.median(cand) * 1000:.1f} ms per check "
          f"→ {statistics.median(whole) / statistics.median(cand):,.0f}× faster")


if __name__ == "__main__":
    main()
