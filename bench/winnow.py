"""Fingerprint search over 10^5 registered programs: query latency, recall of planted copies,
index memory and build time, against a brute-force containment scan in the same process.

Corpus (seeded, no database). A pool of real source files from this virtualenv's site-packages
(``--packages``: Python, C headers and sources, JavaScript; selected as uploads are, in path
order, until ``--pool-lines``) is fingerprinted file by file. Registered programs are runs of
consecutive pool files (one package's files together), sized from a log-normal around
``--median-lines`` (clipped to 200–20,000 lines):

    sources     --queries programs of real files, disjoint, fingerprinted as they are: the
                originals of the planted copies
    synthetic   the rest up to --n: a run of real files whose fingerprints are re-keyed with a
                per-program salt (h -> mix(h ^ salt), a bijection), so each has the size, layout
                and file/line structure of real code but content of its own, except the real
                idioms, which stay as they are: hashes that occur in two or more packages of the
                pool (short patterns unrelated code shares once names are placeholders); and,
                with probability 0.3,
                one of 30 real "boilerplate" files is included unchanged (a licence or
                scaffolding file in ~1,000 programs: over the frequency cap)

Queries, fingerprinted from text through the whole pipeline:

    planted     each source disguised (identifiers renamed, reformatted, comments removed,
                files reversed and renamed: banquan/software/winnow/tests/disguise.py), of
                which a random 40–100 % of the files is kept, mixed with as many lines of
                held-out real files (not in any source)
    negatives   --negatives runs of held-out real files, copies of nothing registered

Timed, one query at a time on one thread: the index search (candidates) and ``find_copies``
(search + exact comparison of the 10 candidates, the registered program's fingerprints
rebuilt by ``load``). The baseline is a brute-force containment scan: every registered
program's fingerprints concatenated, the query's hashes looked up in them with numpy
(``searchsorted`` in chunks) and counted per program — the same answer as the index without the
frequency cap; it runs on --baseline-queries planted queries, alternating with the index (ABBA).

    .venv/bin/python bench/winnow.py                          # 10^5 programs, about 3-5 minutes
    .venv/bin/python bench/winnow.py --n 5000 --queries 50 --negatives 50 --pool-lines 60000  # quick
"""

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import sysconfig  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from banquan.software.softcopy import read_folder  # noqa: E402
from banquan.software.softcopy.selection import ProgramFile, select_program_files  # noqa: E402
from banquan.software.winnow import (  # noqa: E402
    FingerprintIndex,
    ProgramPrint,
    compare,
    find_copies,
    fingerprint_program,
)
from banquan.software.winnow.copies import MIN_CONTAINMENT, MIN_SHARED  # noqa: E402
from banquan.software.winnow.tests.disguise import disguise  # noqa: E402

SITE_PACKAGES = Path(sysconfig.get_paths()["purelib"])
# In this order; the last third of the pool is held out (negatives, padding of the copies), so
# C and JavaScript appear on both sides.
DEFAULT_PACKAGES = ("django,numpy/_core/include,pygments,mypy,pypdf,mypyc/lib-rt,fontTools,fpdf,docx,huey,"
                    "pydantic,waitress,sqlparse,yaml,_pytest,psycopg,greenlet,django/contrib/admin/static/admin/js,"
                    "redis,setuptools,pip/_internal,faker/providers/person")
BOILERPLATE_FILES, BOILERPLATE_PROBABILITY = 30, 0.3


@dataclass
class Pool:
    files: list[ProgramFile]
    prints: list[ProgramPrint]
    lines: np.ndarray
    boilerplate: list[ProgramPrint]  # short real files set apart: in no source, no query
    idioms: np.ndarray  # sorted: hashes found in files of two or more packages of the pool


def real_idioms(files: list[ProgramFile], prints: list[ProgramPrint]) -> np.ndarray:
    """Hashes that unrelated real code shares: those occurring in two or more packages."""
    package_of = {name: number for number, name in enumerate(sorted({f.path.split("/")[0] for f in files}))}
    pairs = np.unique(np.rec.fromarrays([
        np.concatenate([p.distinct() for p in prints]),
        np.concatenate([np.full(len(p.distinct()), package_of[f.path.split("/")[0]]) for f, p in zip(files, prints, strict=True)]),
    ]))
    hashes, counts = np.unique(pairs["f0"], return_counts=True)
    return hashes[counts >= 2]


def set_boilerplate_apart(pool: Pool, rng: np.random.Generator) -> Pool:
    short = np.flatnonzero((pool.lines > 40) & (pool.lines < 300))
    chosen = set(rng.choice(short, BOILERPLATE_FILES, replace=False).tolist())
    rest = [i for i in range(len(pool.files)) if i not in chosen]
    return Pool([pool.files[i] for i in rest], [pool.prints[i] for i in rest], pool.lines[rest],
                [pool.prints[i] for i in sorted(chosen)], pool.idioms)


def build_pool(packages: list[str], max_lines: int) -> Pool:
    """Real files, an equal share of ``max_lines`` from each package, in path order."""
    files: list[ProgramFile] = []
    share = max_lines // len(packages)
    for package in packages:
        folder, taken = SITE_PACKAGES / package, 0
        if not folder.exists():
            continue
        for file in select_program_files(read_folder(folder)).files:
            if file.language.name in ("HTML", "CSS") or taken > share:
                continue
            taken += file.text.count("\n") + 1
            files.append(ProgramFile(f"{package}/{file.path}", file.language, file.text))
    prints = [fingerprint_program([f]) for f in files]  # one file each: runs of them are combined
    return Pool(files, prints, np.array([f.text.count("\n") + 1 for f in files]), [], real_idioms(files, prints))


def mix(x: np.ndarray) -> np.ndarray:
    x = x ^ (x >> np.uint64(31))
    x = x * np.uint64(0x9E3779B97F4A7C15)
    return x ^ (x >> np.uint64(29))


def combine(prints: list[ProgramPrint]) -> ProgramPrint:
    """One program of several, file numbers shifted past the files before them."""
    offsets = np.cumsum([0, *(len(p.paths) for p in prints)])
    return ProgramPrint(tuple(path for p in prints for path in p.paths), np.concatenate([p.hashes for p in prints]),
                        np.concatenate([p.files + offsets[i] for i, p in enumerate(prints)]).astype(np.int32),
                        np.concatenate([p.first_lines for p in prints]), np.concatenate([p.last_lines for p in prints]))


@dataclass
class Synthetic:
    start: int
    stop: int
    boilerplate: int  # which of the pool's boilerplate files, or -1
    seed: int


def run_of_files(pool: Pool, rng: np.random.Generator, lines: int, allowed: np.ndarray) -> tuple[int, int]:
    start = int(rng.choice(allowed))
    stop = start + 1
    while stop < len(pool.files) and pool.lines[start:stop].sum() < lines:
        stop += 1
    return start, stop


def synthetic_print(pool: Pool, spec: Synthetic) -> ProgramPrint:
    program = combine(pool.prints[spec.start:spec.stop])
    where = np.minimum(pool.idioms.searchsorted(program.hashes), len(pool.idioms) - 1)
    keep = pool.idioms[where] == program.hashes
    salt = np.uint64(np.random.default_rng(spec.seed).integers(1, 2**63))
    hashes = np.where(keep, program.hashes, mix(program.hashes ^ salt))
    program = ProgramPrint(program.paths, hashes, program.files, program.first_lines, program.last_lines)
    if spec.boilerplate >= 0:
        program = combine([program, pool.boilerplate[spec.boilerplate]])
    return program


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.array(values), q))


def brute_force(all_hashes: np.ndarray, owner_of: np.ndarray, n: int, query: np.ndarray, limit: int = 10) -> list[int]:
    shared = np.zeros(n, dtype=np.int64)
    chunk = 10_000_000
    for begin in range(0, len(all_hashes), chunk):
        part = all_hashes[begin:begin + chunk]
        where = np.minimum(query.searchsorted(part), len(query) - 1)
        shared += np.bincount(owner_of[begin:begin + chunk][query[where] == part], minlength=n)
    return np.argsort(-shared, kind="stable")[:limit].tolist()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="registered programs")
    parser.add_argument("--queries", type=int, default=200, help="planted copies (and their sources)")
    parser.add_argument("--negatives", type=int, default=100)
    parser.add_argument("--baseline-queries", type=int, default=10)
    parser.add_argument("--pool-lines", type=int, default=800_000)
    parser.add_argument("--median-lines", type=int, default=2_000)
    parser.add_argument("--max-df", type=int, default=100)
    parser.add_argument("--sample", type=int, default=1)
    parser.add_argument("--packages", default=DEFAULT_PACKAGES)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    print(f"load average at start: {os.getloadavg()}")

    t0 = time.perf_counter()
    pool = set_boilerplate_apart(build_pool(args.packages.split(","), args.pool_lines), rng)
    seconds = time.perf_counter() - t0
    print(f"pool: {len(pool.files):,} real files, {pool.lines.sum():,} lines, fingerprinted in {seconds:.1f} s "
          f"({pool.lines.sum() / seconds:,.0f} lines/s), {sum(len(p) for p in pool.prints):,} fingerprints")
    idiom_share = np.mean([np.isin(p.hashes, pool.idioms).mean() for p in pool.prints if len(p)])
    print(f"real idioms (hashes in files of 2+ packages): {len(pool.idioms):,}, "
          f"{idiom_share:.1%} of a file's fingerprints on average")

    def size() -> int:
        return int(np.clip(rng.lognormal(np.log(args.median_lines), 0.8), 200, 20_000))

    # Sources take disjoint runs from the first two thirds of the pool; the last third is held out.
    held_out = np.arange(2 * len(pool.files) // 3, len(pool.files) - 1)
    sources: list[tuple[int, int]] = []
    cursor = 0
    while len(sources) < args.queries and cursor < held_out[0] - 1:
        start, stop = run_of_files(pool, rng, size(), np.array([cursor]))
        sources.append((start, min(stop, int(held_out[0]))))
        cursor = sources[-1][1]

    specs: list[Synthetic] = []
    everywhere = np.arange(len(pool.files) - 1)
    for number in range(args.n - len(sources)):
        start, stop = run_of_files(pool, rng, size(), everywhere)
        extra = int(rng.integers(BOILERPLATE_FILES)) if rng.random() < BOILERPLATE_PROBABILITY else -1
        specs.append(Synthetic(start, stop, extra, args.seed * 1_000_003 + number))
    source_prints = [combine(pool.prints[a:b]) for a, b in sources]

    loading = [0.0]  # seconds spent rebuilding candidates, taken out of the find_copies figure

    def load(program_id: str) -> ProgramPrint:
        t0 = time.perf_counter()
        number = int(program_id)
        found = source_prints[number] if number < len(source_prints) else synthetic_print(
            pool, specs[number - len(source_prints)])
        loading[0] += time.perf_counter() - t0
        return found

    t0 = time.perf_counter()
    distinct = [load(str(i)).distinct() for i in range(args.n)]
    generate = time.perf_counter() - t0
    lines = [int(pool.lines[a:b].sum()) for a, b in sources] + [int(pool.lines[s.start:s.stop].sum()) for s in specs]
    print(f"programs: {args.n:,} ({len(sources)} sources), lines median {statistics.median(lines):,.0f}, "
          f"mean {statistics.mean(lines):,.0f}; distinct fingerprints mean {statistics.mean(map(len, distinct)):,.0f}; "
          f"generated in {generate:.1f} s")

    t0 = time.perf_counter()
    index = FingerprintIndex(max_df=args.max_df, sample=args.sample)
    for number, hashes in enumerate(distinct):
        index.add(str(number), f"owner-{number}", hashes)
    index.flush()
    build = time.perf_counter() - t0
    memory = index.memory_bytes()
    print(f"index: built in {build:.1f} s; {len(index.keys):,} postings, {len(index.common):,} common hashes; "
          f"{memory / 2**20:,.0f} MiB ({memory / args.n:,.0f} B/program)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "index.npz"
        t0 = time.perf_counter()
        index.save(path)
        saved = time.perf_counter() - t0
        t0 = time.perf_counter()
        FingerprintIndex.load(path)
        print(f"save {saved:.2f} s ({path.stat().st_size / 2**20:,.0f} MiB), load {time.perf_counter() - t0:.2f} s")

    all_hashes = np.concatenate(distinct)
    owner_of = np.repeat(np.arange(args.n, dtype=np.int32), [len(d) for d in distinct])
    del distinct

    def planted(number: int) -> list[ProgramFile]:
        start, stop = sources[number]
        files = [pool.files[i] for i in range(start, stop)]
        share = rng.uniform(0.4, 1.0)
        kept = [f for f in files if rng.random() < share] or files[:1]
        lines_kept = sum(f.text.count("\n") for f in kept)
        a, b = run_of_files(pool, rng, lines_kept, held_out)
        return disguise(kept, salt=str(number)) + pool.files[a:b]

    queries = [(number, fingerprint_program(planted(number))) for number in range(len(sources))]
    negatives = []
    for _ in range(args.negatives):
        a, b = run_of_files(pool, rng, size(), held_out)
        negatives.append(fingerprint_program(pool.files[a:b]))

    search_ms, copies_ms, found_top10, found_verified, scores = [], [], 0, 0, []
    missed: list[str] = []
    reportable = found_reportable = 0
    for number, query in queries:
        t0 = time.perf_counter()
        candidates = index.search(query)
        search_ms.append(1000 * (time.perf_counter() - t0))
        t0, loading[0] = time.perf_counter(), 0.0
        copies = find_copies(index, query, load, owner="applicant")
        copies_ms.append(1000 * (time.perf_counter() - t0 - loading[0]))
        found_top10 += str(number) in [c.program_id for c in candidates]
        hit = [c for c in copies if c.candidate.program_id == str(number)]
        found_verified += bool(hit)
        scores.append(hit[0].score if hit else 0.0)
        # Ground truth for the index: would the exact comparison with the original report it?
        exact = compare(query, source_prints[number], ignore=index.common)
        substantial = (exact.shared >= MIN_SHARED
                       and max(exact.containment_a, exact.containment_b) >= MIN_CONTAINMENT)
        reportable += substantial
        found_reportable += substantial and bool(hit)
        if not hit:
            missed.append(f"#{number} ({len(source_prints[number].paths)} files): containment "
                          f"{exact.containment_a:.2f}/{exact.containment_b:.2f}, {exact.shared} shared")
    false_alarms = sum(bool(find_copies(index, q, load, owner="applicant")) for q in negatives)

    base_ms, index_ms, agree = [], [], 0
    for turn, (_, query) in enumerate(queries[:args.baseline_queries]):
        hashes = index.indexed_hashes(query)
        for side in (("index", "brute") if turn % 2 == 0 else ("brute", "index")):
            t0 = time.perf_counter()
            if side == "index":
                top = [int(c.program_id) for c in index.search(query)]
                index_ms.append(1000 * (time.perf_counter() - t0))
            else:
                truth = brute_force(all_hashes, owner_of, args.n, hashes)
                base_ms.append(1000 * (time.perf_counter() - t0))
        agree += bool(top) and top[0] == truth[0]

    print(f"\nplanted copies: {len(queries)}; negatives: {len(negatives)}; max_df {args.max_df}, sample {args.sample}")
    print(f"recall@10 (index search): {found_top10 / len(queries):.3f}")
    print(f"recall (find_copies, verified): {found_verified / len(queries):.3f}; "
          f"containment of the found copies median {statistics.median(scores):.2f}, min {min(scores):.2f}")
    print(f"recall among the {reportable} copies the exact comparison with their original reports "
          f"(>= {MIN_SHARED} shared, containment >= {MIN_CONTAINMENT}): {found_reportable / max(reportable, 1):.3f}")
    print(f"missed: {'; '.join(missed[:10]) or 'none'}")
    print(f"false alarms on negatives: {false_alarms}/{len(negatives)}")
    print(f"index search ms: p50 {percentile(search_ms, 50):.1f}, p99 {percentile(search_ms, 99):.1f}")
    print(f"find_copies ms (search + exact comparisons, rebuilding the candidates not counted): p50 {percentile(copies_ms, 50):.1f}, "
          f"p99 {percentile(copies_ms, 99):.1f}")
    if base_ms:
        ratio = statistics.median(base_ms) / statistics.median(index_ms)
        print(f"brute-force scan ms ({len(base_ms)} queries, ABBA): p50 {statistics.median(base_ms):.0f}, "
              f"max {max(base_ms):.0f}; index p50 {statistics.median(index_ms):.1f} on the same queries: "
              f"ratio {ratio:.0f}x; same top-1: {agree}/{len(base_ms)}")
    print(f"peak resident memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20:.1f} GiB")
    print(f"load average at end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
