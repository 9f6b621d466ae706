"""Near-duplicate search over 256-bit codes: recall@10 and latency against exact brute force.

Synthetic works (no database): ``--n`` random 256-bit codes, among them ``--planted`` (4) near
duplicates of each of ``--queries`` (300) query codes, at random distances 0–40 bits (what a
resized or re-encoded copy gives, see docs/similarity.md). In the same process, one query at a
time, the methods take turns in an order that rotates with every query:

    numpy brute force   XOR + popcount (np.bitwise_count) over all packed codes, argpartition;
                        the exact answer and the baseline of the ratios
    faiss flat          what banquan.similarity.index.CodeIndex is: IndexBinaryFlat in an
                        IndexBinaryIDMap, exact
    faiss multi-hash    IndexBinaryMultiHash: 16 hash tables on 16-bit substrings, nflip=2,
                        exact within 47 bits (pigeonhole), blind beyond
    faiss IVF           IndexBinaryIVF, --nlist (1024) binary k-means lists, --nprobe (32) probed

All run on one thread (CodeIndex.search sets one OpenMP thread for a single query: with two, the
p99 at 10^6 codes went from ~5 ms to ~150 ms on this 2-core machine under load).
Figures: p50/p99 query ms, recall@10 (of the exact ten nearest, ties counted), recall@10
within 64 bits (the product's question: the near duplicates; random codes lie ~128 bits
apart), resident memory per code, build time. The flat index is also timed at n/10 to fit
t = a + b·n and extrapolate to 2×10^7 codes; memory is extrapolated linearly.

    .venv/bin/python bench/similarity.py                  # 10^6 codes, about 2 minutes on 2 cores
    .venv/bin/python bench/similarity.py --n 100000       # quick run
    .venv/bin/python bench/similarity.py --n 20000000 --only-flat --queries 100   # at the target size
"""

import argparse
import gc
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import faiss
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from banquan.similarity.index import CodeIndex  # noqa: E402

BITS = 256
BYTES = BITS // 8
TARGET_N = 20_000_000
NEAR = 64  # the product's max_distance
K = 10

Searcher = Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]  # query (32,) → (ids, distances)


def rss() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def make_data(n: int, queries: int, planted: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    db = rng.integers(0, 256, size=(n, BYTES), dtype=np.uint8)
    qs = rng.integers(0, 256, size=(queries, BYTES), dtype=np.uint8)
    spots = rng.choice(n, size=queries * planted, replace=False)
    for j, spot in enumerate(spots):
        bits = np.unpackbits(qs[j // planted])
        flips = rng.choice(BITS, size=int(rng.integers(0, 41)), replace=False)
        bits[flips] ^= 1
        db[spot] = np.packbits(bits)
    return db, qs


def brute_force(db: np.ndarray) -> Searcher:
    words = db.view(np.uint64)  # (n, 4)

    def search(q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        dist = np.bitwise_count(words ^ q.view(np.uint64)).sum(axis=1, dtype=np.uint16)
        top = np.argpartition(dist, K)[:K]
        top = top[np.lexsort((top, dist[top]))]
        return top.astype(np.int64), dist[top].astype(np.int32)

    return search


def faiss_searcher(index: object) -> Searcher:
    def search(q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        d, i = index.search(q.reshape(1, BYTES), K)  # type: ignore[attr-defined]
        keep = i[0] >= 0
        return i[0][keep], d[0][keep]

    return search


def code_index(db: np.ndarray, folder: Path) -> Searcher:
    index = CodeIndex(folder / "bench.faiss", load=False)
    for start in range(0, len(db), 10_000):  # small batches: little transient garbage in the RSS
        chunk = db[start:start + 10_000]
        index.add(range(start, start + len(chunk)), [row.tobytes() for row in chunk])

    def search(q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        found = index.search(q.tobytes(), k=K, max_distance=BITS)
        return np.array([f[0] for f in found], dtype=np.int64), np.array([f[1] for f in found])

    search.index = index  # type: ignore[attr-defined]  # keep it alive
    return search


def multi_hash(db: np.ndarray) -> Searcher:
    index = faiss.IndexBinaryMultiHash(BITS, 16, 16)
    index.nflip = 2
    index.add(db)
    return faiss_searcher(index)


def ivf(db: np.ndarray, nlist: int, nprobe: int) -> Searcher:
    quantizer = faiss.IndexBinaryFlat(BITS)
    index = faiss.IndexBinaryIVF(quantizer, BITS, nlist)
    index.own_fields = True
    quantizer.this.disown()
    sample = db[np.random.default_rng(1).choice(len(db), size=min(len(db), 50 * nlist), replace=False)]
    index.train(sample)
    index.add(db)
    index.nprobe = nprobe
    return faiss_searcher(index)


def build(name: str, make: Callable[[], Searcher]) -> tuple[Searcher, float, int]:
    gc.collect()
    before = rss()
    start = time.perf_counter()
    searcher = make()
    seconds = time.perf_counter() - start
    gc.collect()
    return searcher, seconds, rss() - before


def run_queries(methods: dict[str, Searcher], qs: np.ndarray) -> tuple[dict[str, list[float]], dict]:
    names = list(methods)
    times: dict[str, list[float]] = {m: [] for m in names}
    answers: dict[str, list] = {m: [] for m in names}
    for j, q in enumerate(qs):
        order = names[j % len(names):] + names[:j % len(names)]
        if j % 2:
            order.reverse()
        for m in order:
            start = time.perf_counter()
            answer = methods[m](q)
            times[m].append((time.perf_counter() - start) * 1000)
            answers[m].append(answer)
    return times, answers


def recalls(truth: list, found: list) -> tuple[float, float]:
    """recall@10 (ties at the 10th distance count) and recall@10 within NEAR bits."""
    hit = total = hit_near = total_near = 0
    for (_, t_dist), (_, f_dist) in zip(truth, found, strict=True):
        tenth = t_dist[K - 1]
        hit += min(K, int(np.sum(f_dist <= tenth)))
        total += K
        near = int(np.sum(t_dist <= NEAR))
        hit_near += min(near, int(np.sum(f_dist <= NEAR)))
        total_near += near
    return hit / total, (hit_near / total_near if total_near else 1.0)


def pct(samples: list[float], p: float) -> float:
    return float(np.percentile(samples, p))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="codes in the index")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--planted", type=int, default=4, help="near duplicates per query")
    parser.add_argument("--nlist", type=int, default=1024)
    parser.add_argument("--nprobe", type=int, default=32)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--only-flat", action="store_true",
                        help="numpy and flat only (for a run at 2×10^7 codes, where the approximate "
                             "indexes would need ~10 GB)")
    args = parser.parse_args()
    small = max(args.n // 10, args.queries * args.planted)

    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"faiss {faiss.__version__} (queries on 1 thread), numpy {np.__version__}")
    print(f"load average at start: {os.getloadavg()}")
    faiss.omp_set_num_threads(1)  # as CodeIndex.search does; numpy's popcount is single-threaded too
    db, qs = make_data(args.n, args.queries, args.planted, args.seed)
    print(f"{args.n:,} codes, {args.queries} queries, {args.planted} planted near duplicates each (0–40 bits)\n")

    import tempfile
    with tempfile.TemporaryDirectory() as folder:
        built: dict[str, tuple[Searcher, float, int]] = {}
        built["numpy brute force"] = build("numpy brute force", lambda: brute_force(db))
        built["faiss flat (CodeIndex)"] = build("flat", lambda: code_index(db, Path(folder)))
        built[f"faiss flat, n/10 = {small:,}"] = build("flat small", lambda: code_index(db[:small], Path(folder)))
        if not args.only_flat:
            built["faiss multi-hash 16×16, nflip 2"] = build("mih", lambda: multi_hash(db))
            built[f"faiss IVF {args.nlist}, nprobe {args.nprobe}"] = build(
                "ivf", lambda: ivf(db, args.nlist, args.nprobe))

        methods = {name: b[0] for name, b in built.items()}
        times, answers = run_queries(methods, qs)

        # the write path of CodeIndex: a full snapshot, then one work at a time into the journal
        flat: CodeIndex = methods["faiss flat (CodeIndex)"].index  # type: ignore[attr-defined]
        start = time.perf_counter()
        flat.compact()
        snapshot_s = time.perf_counter() - start
        writes = []
        for j in range(100):
            start = time.perf_counter()
            flat.add([args.n + j], [qs[j % len(qs)].tobytes()])
            flat.save()
            writes.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        CodeIndex(flat.path)
        load_s = time.perf_counter() - start

    baseline = "numpy brute force"
    base_p50 = pct(times[baseline], 50)
    small_name = f"faiss flat, n/10 = {small:,}"
    truth = answers[baseline]
    # the n/10 index holds the first n/10 codes: its truth is a separate brute force
    small_truth = [brute_force(db[:small])(q) for q in qs]

    print(f"{'method':36} {'p50 ms':>8} {'p99 ms':>8} {'vs numpy':>9} {'recall@10':>10} "
          f"{'r@10≤64':>8} {'B/code':>7} {'build s':>8}")
    for name, (_, seconds, memory) in built.items():
        rec, rec_near = recalls(small_truth if name == small_name else truth, answers[name])
        size = small if name == small_name else args.n
        print(f"{name:36} {pct(times[name], 50):8.2f} {pct(times[name], 99):8.2f} "
              f"{base_p50 / pct(times[name], 50):8.1f}× {rec:10.3f} {rec_near:8.3f} "
              f"{memory / size:7.1f} {seconds:8.2f}")
    print("('vs numpy': numpy brute-force p50 / the method's p50, same queries, same process;"
          " B/code: resident memory growth while building, brute force holds no copy)")

    print(f"\nCodeIndex writes at {args.n:,} codes: snapshot (compact) {snapshot_s:.2f} s; one work added + "
          f"saved to the journal (fsync) p50 {pct(writes, 50):.1f} ms, p99 {pct(writes, 99):.1f} ms; "
          f"load (snapshot + journal) {load_s:.2f} s")

    flat_name = "faiss flat (CodeIndex)"
    t_small = statistics.median(times[small_name])
    t_big = statistics.median(times[flat_name])
    slope = (t_big - t_small) / (args.n - small)
    fixed = t_small - slope * small
    flat_memory = built[flat_name][2] / args.n
    print(f"\nextrapolation to {TARGET_N:,} codes (flat, exact):")
    print(f"  query time: fit t = a + b·n through the p50 at n = {small:,} ({t_small:.2f} ms) and "
          f"n = {args.n:,} ({t_big:.2f} ms): a = {fixed:.3f} ms, b = {slope * 1e6:.3f} ms per 10^6 codes "
          f"⇒ {fixed + slope * TARGET_N:.0f} ms per query")
    print(f"  memory: {flat_memory:.1f} B/code measured (32 B code + 8 B id) ⇒ "
          f"{flat_memory * TARGET_N / 1e6:,.0f} MB resident; the file is 40 B/code ⇒ {40 * TARGET_N / 1e6:,.0f} MB")
    print(f"load average at end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
