"""Logo interception: recall at 1 % false positives and ms per image, engine against a PDQ baseline.

Protected set: ``--marks`` (1,000; 0 = all) brand SVGs of simple-icons (the PyPI wheel
``simple-icons-pack``, CC0), in brand colour; ``--holdout`` (400) other brands are kept out of it
as negatives. Test images (bench/_logo_corpus.py, seeded), one query at a time:

    positives   --positives (1,100) transformed copies of protected marks, the kinds in turn:
                scale, rotate, crop, mirror, recolour, bg_solid, bg_gradient, bg_photo, text,
                embedded (logo at 15-40 % of a larger artwork with shapes), jpeg (quality 20-60)
    negatives   --negatives (1,000): 40 % held-out brands and 30 % generic icons (heroicons,
                lucide), both under the same transformations, 30 % non-logo artworks

In the same process, taking turns per image (order alternating):

    engine      banquan.logos.matcher.LogoIndex (skipped, with a note, if it does not import)
    PDQ         the baseline: PDQ hash of the content box in grey, against the 8 dihedral PDQ
                hashes of every mark; score = 1 - distance/128 (clipped), intercept at distance
                <= 31 (PDQ's usual match threshold)

Figures: the score threshold that keeps the false-positive rate <= 1 % (chosen on the negatives'
scores) and recall there, overall and per transformation; recall and FPR at the method's own
decision; ms per image p50/p99 (decode included) and index build time. A positive counts as
caught only if the right mark is named ("any mark" counts every interception). Everything runs
on one thread (the target is per core). If fewer than 10,000 marks are indexed, each method is
also built on a quarter of the marks and --timing (150) images are timed on both indexes in ABBA
order; t = a + b*n is fitted through the two medians (and the two p99s) and read at 10,000.

    .venv/bin/python bench/logos.py                      # 1,000 marks, about 5 minutes on 2 cores
    .venv/bin/python bench/logos.py --marks 0            # every brand not held out (~3,070)
    .venv/bin/python bench/logos.py --marks 200 --positives 220 --negatives 200   # smoke run
    .venv/bin/python bench/logos.py --marks 0 --scale 10000   # also time an index of 10,000 marks

--scale N builds a second engine index of N marks from the stored form of the prepared marks
(repeated under new names when there are fewer) and times --timing images on it and on the full
index alternately; its memory is the index's own count (LogoIndex.memory_bytes). --dump FILE
writes every image's scores as JSON lines.
"""

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_THREAD_LIMIT"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import gc  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import traceback  # noqa: E402
from collections.abc import Callable, Iterable  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pdqhash  # noqa: E402
import resvg_py  # noqa: E402
from PIL import Image  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import _logo_corpus as corpus  # noqa: E402

try:
    import cv2  # noqa: E402

    cv2.setNumThreads(1)
except ImportError:
    pass

TARGET_MARKS = 10_000
FPR = 0.01


# --- the baseline -------------------------------------------------------------------------------


@dataclass
class BaseMatch:
    decision: str
    score: float
    mark: str | None
    region: tuple[int, int, int, int] | None


def _decode(data: bytes, filename: str) -> np.ndarray:
    """Grey (uint8) on white."""
    if filename.lower().endswith(".svg"):
        data = bytes(resvg_py.svg_to_bytes(svg_string=data.decode(), width=256))
    im = Image.open(io.BytesIO(data))
    im.load()
    if im.mode in ("RGBA", "LA", "P"):
        im = im.convert("RGBA")
        white = Image.new("RGBA", im.size, (255, 255, 255, 255))
        white.alpha_composite(im)
        im = white
    return np.asarray(im.convert("L"))


def _content(grey: np.ndarray) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """Crop to the pixels that differ from the border's median, pad to a square."""
    border = np.concatenate([grey[0], grey[-1], grey[:, 0], grey[:, -1]])
    bg = float(np.median(border))
    ys, xs = np.nonzero(np.abs(grey.astype(np.int16) - bg) > 30)
    if len(xs) == 0:
        box = (0, 0, grey.shape[1], grey.shape[0])
    else:
        box = (int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1)
    crop = grey[box[1] : box[3], box[0] : box[2]]
    h, w = crop.shape
    side = max(h, w)
    sq = np.full((side, side), bg, np.uint8)
    sq[(side - h) // 2 : (side - h) // 2 + h, (side - w) // 2 : (side - w) // 2 + w] = crop
    return sq, box


def _pdq(grey: np.ndarray) -> list[np.ndarray]:
    rgb = np.ascontiguousarray(np.repeat(grey[..., None], 3, axis=2))
    hashes, _quality = pdqhash.compute_dihedral(rgb)
    return [np.packbits(h.astype(np.uint8)) for h in hashes]


class PdqBaseline:
    """PDQ nearest neighbour over the marks' 8 dihedral hashes; same API as the engine."""

    MATCH = 31

    def __init__(self, names: list[str], codes: np.ndarray) -> None:
        self.names = names
        self.words = codes.view(np.uint64)  # (8n, 4)

    @classmethod
    def build(cls, marks: Iterable[tuple[str, bytes, str]]) -> "PdqBaseline":
        names, codes = [], []
        for name, data, filename in marks:
            sq, _ = _content(_decode(data, filename))
            for code in _pdq(sq):
                names.append(name)
                codes.append(code)
        return cls(names, np.stack(codes))

    def match(self, data: bytes, filename: str) -> BaseMatch:
        sq, box = _content(_decode(data, filename))
        rgb = np.ascontiguousarray(np.repeat(sq[..., None], 3, axis=2))
        h, _q = pdqhash.compute(rgb)
        q = np.packbits(h.astype(np.uint8)).view(np.uint64)
        dist = np.bitwise_count(self.words ^ q).sum(axis=1)
        i = int(np.argmin(dist))
        d = int(dist[i])
        score = max(0.0, 1.0 - d / 128)
        return BaseMatch("intercept" if d <= self.MATCH else "pass", score, self.names[i], box)


# --- measuring ----------------------------------------------------------------------------------


@dataclass
class Method:
    name: str
    build: Callable[[list[tuple[str, bytes, str]]], object]
    index: object = None
    build_s: float = 0.0
    rss_mb: float = 0.0
    own_mb: float = 0.0
    scores: list | None = None
    errors: int = 0
    first_error: str = ""


def run_one(m: Method, s: corpus.Sample) -> tuple[float, str | None, bool, float]:
    t0 = time.perf_counter()
    try:
        r = m.index.match(s.data, s.filename)
        out = (float(r.score), r.mark, r.decision == "intercept")
    except Exception:  # noqa: BLE001 - a crash is a miss and is reported
        m.errors += 1
        if not m.first_error:
            m.first_error = traceback.format_exc(limit=3)
        out = (0.0, None, False)
    return (*out, (time.perf_counter() - t0) * 1000)


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def threshold_at(neg: np.ndarray, fpr: float) -> float:
    """Smallest threshold t (score >= t intercepts) with at most fpr of the negatives at or above."""
    allowed = int(np.floor(fpr * len(neg)))
    desc = np.sort(neg)[::-1]
    if allowed >= len(desc):
        return float(desc[-1])
    return float(np.nextafter(desc[allowed], np.inf))


def evaluate(m: Method, samples: list[corpus.Sample]) -> dict:
    res = m.scores
    pos = [(s, r) for s, r in zip(samples, res, strict=True) if s.truth is not None]
    neg = [(s, r) for s, r in zip(samples, res, strict=True) if s.truth is None]
    neg_scores = np.array([r[0] for _, r in neg])
    t = threshold_at(neg_scores, FPR)

    def recall(rows, hit):
        return sum(1 for s, r in rows if hit(s, r)) / max(1, len(rows))

    at_t = lambda s, r: r[0] >= t and r[1] == s.truth  # noqa: E731
    at_t_any = lambda s, r: r[0] >= t  # noqa: E731
    own = lambda s, r: r[2] and r[1] == s.truth  # noqa: E731
    own_any = lambda s, r: r[2]  # noqa: E731
    out = {
        "threshold": t,
        "fpr_at_threshold": float((neg_scores >= t).mean()),
        "recall": recall(pos, at_t),
        "recall_any": recall(pos, at_t_any),
        "recall_own": recall(pos, own),
        "recall_own_any": recall(pos, own_any),
        "fpr_own": recall(neg, own_any),
        "per_kind": {},
        "fpr_own_by_source": {},
        "fpr_t_by_source": {},
        "ms_p50": pct([r[3] for r in res], 50),
        "ms_p99": pct([r[3] for r in res], 99),
        "build_s": m.build_s,
        "index_mb": m.own_mb,
        "index_rss_growth_mb": m.rss_mb,
        "errors": m.errors,
    }
    for kind in corpus.KINDS:
        rows = [(s, r) for s, r in pos if s.kind == kind]
        out["per_kind"][kind] = (recall(rows, at_t), recall(rows, own), len(rows))
    for source in ("held-out brand", "generic icon", "artwork"):
        rows = [(s, r) for s, r in neg if s.source == source]
        out["fpr_own_by_source"][source] = recall(rows, own_any)
        out["fpr_t_by_source"][source] = recall(rows, at_t_any)
    return out


def rss_mb() -> float:
    """Resident memory of this process (MB), after a garbage collection."""
    gc.collect()
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


STORED: list[tuple[str, bytes]] = []  # the engine's prepared marks, serialised (for --scale)


def load_engine() -> tuple[Callable | None, str]:
    try:
        from banquan.logos import marks as prepared  # noqa: PLC0415
        from banquan.logos.matcher import LogoIndex  # noqa: PLC0415
    except Exception as exc:  # noqa: BLE001
        return None, f"{type(exc).__name__}: {exc}"

    def build(marks: list[tuple[str, bytes, str]]) -> object:
        """LogoIndex.build, keeping each prepared mark's stored form (as the office does)."""
        keep = not STORED

        def prepare_all() -> Iterable[object]:
            for name, data, filename in marks:
                p = prepared.prepare(name, data, filename)
                if keep:
                    STORED.append((name, prepared.to_bytes(p)))
                yield p

        return LogoIndex.from_prepared(prepare_all())  # type: ignore[arg-type]

    return build, "banquan.logos.matcher.LogoIndex"


def scaled_engine(n: int) -> tuple[object, float, float, float]:
    """An engine index of ``n`` marks from the stored prepared marks, repeated under new names
    when there are fewer (the same features again: time and memory as with n real marks, the
    votes split between copies). Returns (index, build seconds from the stored form, index MB by
    its own count, growth of the resident set in MB)."""
    from banquan.logos import marks as prepared  # noqa: PLC0415
    from banquan.logos.matcher import LogoIndex  # noqa: PLC0415

    before = rss_mb()
    t = time.perf_counter()
    index = LogoIndex.from_prepared(
        prepared.from_bytes(f"{STORED[i % len(STORED)][0]}~{i // len(STORED)}", STORED[i % len(STORED)][1])
        for i in range(n)
    )
    took = time.perf_counter() - t
    grew = rss_mb() - before
    return index, took, index.memory_bytes() / 2**20, grew


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--marks", type=int, default=1000, help="protected marks (0 = every brand not held out)")
    ap.add_argument("--holdout", type=int, default=400, help="brands kept out of the set, as negatives")
    ap.add_argument("--positives", type=int, default=1100)
    ap.add_argument("--negatives", type=int, default=1000)
    ap.add_argument(
        "--timing", type=int, default=150, help="images timed again for the 10,000-mark extrapolation"
    )
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-engine", action="store_true", help="baseline only")
    ap.add_argument("--json", type=Path, help="write the figures here as JSON too")
    ap.add_argument("--dump", type=Path, help="write every image's scores here as JSON lines")
    ap.add_argument(
        "--scale",
        type=int,
        default=0,
        help="also time the engine on an index of this many marks (stored marks repeated), e.g. 10000",
    )
    args = ap.parse_args()

    print(
        f"# logos: {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs, "
        f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    t0 = time.perf_counter()
    protected, held = corpus.split(args.seed, args.marks, args.holdout)
    icons = corpus.generic_icons()
    samples = corpus.samples(protected, held, icons, args.positives, args.negatives, args.seed)
    marks = [(src.name, src.svg.encode(), f"{src.name}.svg") for src in protected]
    n_pos = sum(s.truth is not None for s in samples)
    print(
        f"corpus: {len(marks)} protected marks, {len(held)} held-out brands, {len(icons)} generic icons; "
        f"{n_pos} positives, {len(samples) - n_pos} negatives, made in {time.perf_counter() - t0:.1f} s"
    )

    methods = []
    engine_build, engine_note = (None, "disabled (--no-engine)") if args.no_engine else load_engine()
    if engine_build is not None:
        methods.append(Method("engine", engine_build))
    else:
        print(f"engine: not measured ({engine_note})")
    methods.append(Method("PDQ baseline", PdqBaseline.build))

    for m in methods:
        gc.collect()
        before = rss_mb()
        t = time.perf_counter()
        m.index = m.build(marks)
        m.build_s = time.perf_counter() - t
        m.rss_mb = rss_mb() - before
        own = getattr(m.index, "memory_bytes", None)
        m.own_mb = own() / 2**20 if own else m.rss_mb
        print(
            f"{m.name}: index of {len(marks)} marks built in {m.build_s:.1f} s, "
            f"{m.own_mb:.0f} MB (its own count; resident set grew {m.rss_mb:.0f} MB)"
        )
        m.scores = []
    gc.collect()
    gc.freeze()

    t = time.perf_counter()
    for i, s in enumerate(samples):
        order = methods if i % 2 == 0 else methods[::-1]
        for m in order:
            m.scores.append(None)
        for m in order:
            m.scores[-1] = run_one(m, s)
        if (i + 1) % 500 == 0:
            print(f"  {i + 1}/{len(samples)} images, {time.perf_counter() - t:.0f} s", flush=True)

    results = {m.name: evaluate(m, samples) for m in methods}
    if args.dump:
        with args.dump.open("w") as f:
            for i, s in enumerate(samples):
                row = {"i": i, "truth": s.truth, "kind": s.kind, "source": s.source, "file": s.filename}
                for m in methods:
                    sc, mark, hit, ms = m.scores[i]
                    row[m.name] = {"score": sc, "mark": mark, "hit": hit, "ms": round(ms, 2)}
                f.write(json.dumps(row) + "\n")

    # extrapolation to 10,000 marks: a second index on a quarter of the marks
    extra = {}
    if len(marks) < TARGET_MARKS and args.timing > 0:
        small_n = max(1, len(marks) // 4)
        rng = np.random.default_rng(args.seed)
        timed = [
            samples[i] for i in rng.choice(len(samples), size=min(args.timing, len(samples)), replace=False)
        ]
        for m in methods:
            small = Method(m.name, m.build)
            small.index = m.build(marks[:small_n])
            big_ms, small_ms = [], []
            for i, s in enumerate(timed):
                pair = [(m, big_ms), (small, small_ms)]
                for mm, sink in pair if i % 2 == 0 else pair[::-1]:
                    sink.append(run_one(mm, s)[3])
            fit = {}
            for q in (50, 99):
                a_ms, b_ms = pct(small_ms, q), pct(big_ms, q)
                slope = (b_ms - a_ms) / (len(marks) - small_n)
                fit[q] = (a_ms, b_ms, max(b_ms, b_ms + slope * (TARGET_MARKS - len(marks))))
            extra[m.name] = {"small_n": small_n, "fit": fit}
            del small

    scaled = {}
    if args.scale and STORED and "engine" in [m.name for m in methods]:
        engine = next(m for m in methods if m.name == "engine")
        big, build_s, mb, grew = scaled_engine(args.scale)
        rng = np.random.default_rng(args.seed + 1)
        timed = [
            samples[i] for i in rng.choice(len(samples), size=min(max(args.timing, 1), len(samples)), replace=False)
        ]
        big_m = Method("engine", engine.build)
        big_m.index = big
        full_ms, big_ms = [], []
        for i, s in enumerate(timed):
            pair = [(engine, full_ms), (big_m, big_ms)]
            for mm, sink in pair if i % 2 == 0 else pair[::-1]:
                sink.append(run_one(mm, s)[3])
        scaled = {
            "marks": args.scale,
            "build_from_stored_s": build_s,
            "index_mb": mb,
            "rss_growth_mb": grew,
            "full_p50": pct(full_ms, 50),
            "full_p99": pct(full_ms, 99),
            "p50": pct(big_ms, 50),
            "p99": pct(big_ms, 99),
        }
        del big, big_m

    # --- report ---
    names = [m.name for m in methods]
    print()
    print(
        f"## Logo interception: {len(marks)} marks, {n_pos} positives, {len(samples) - n_pos} negatives, seed {args.seed}"
    )
    print()
    print(
        "| method | threshold (FPR <= 1 %) | recall @ 1 % FPR (right mark / any) | own decision: recall / FPR | ms p50 / p99 | build s | errors |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for n in names:
        r = results[n]
        print(
            f"| {n} | {r['threshold']:.4f} | {r['recall']:.3f} / {r['recall_any']:.3f} | "
            f"{r['recall_own']:.3f} / {r['fpr_own']:.3f} | {r['ms_p50']:.1f} / {r['ms_p99']:.1f} | "
            f"{r['build_s']:.1f} | {r['errors']} |"
        )
    print()
    print("Recall per transformation, at the 1 %-FPR threshold (own decision in brackets):")
    print()
    print("| transformation | n | " + " | ".join(names) + " |")
    print("|---|---:|" + "---:|" * len(names))
    for kind in corpus.KINDS:
        cells = []
        for n in names:
            at_t, own, cnt = results[n]["per_kind"][kind]
            cells.append(f"{at_t:.2f} ({own:.2f})")
        print(f"| {kind} | {results[names[0]]['per_kind'][kind][2]} | " + " | ".join(cells) + " |")
    print()
    print("False-positive rate by kind of negative, at the 1 %-FPR threshold (own decision in brackets):")
    print()
    print("| negatives | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for source in ("held-out brand", "generic icon", "artwork"):
        print(
            f"| {source} | "
            + " | ".join(
                f"{results[n]['fpr_t_by_source'][source]:.3f} ({results[n]['fpr_own_by_source'][source]:.3f})"
                for n in names
            )
            + " |"
        )
    if extra:
        print()
        print(
            f"Time per image against {TARGET_MARKS:,} marks (t = a + b*n through n = "
            f"{extra[names[0]]['small_n']} and {len(marks)}, {args.timing} images, one thread):"
        )
        print()
        print("| method | p50 ms small / full / 10,000 | p99 ms small / full / 10,000 |")
        print("|---|---:|---:|")
        for n in names:
            f = extra[n]["fit"]
            print(
                f"| {n} | {f[50][0]:.1f} / {f[50][1]:.1f} / {f[50][2]:.1f} | {f[99][0]:.1f} / {f[99][1]:.1f} / {f[99][2]:.1f} |"
            )
    print()
    print(
        "Index memory, MB (own count; growth of the resident set in brackets): "
        + ", ".join(f"{m.name} {m.own_mb:.0f} ({m.rss_mb:.0f})" for m in methods)
    )
    if scaled:
        print()
        print(
            f"Engine on {scaled['marks']:,} marks (stored marks repeated under new names; built from the "
            f"stored form in {scaled['build_from_stored_s']:.1f} s, {scaled['index_mb']:.0f} MB by its own count, "
            f"resident set +{scaled['rss_growth_mb']:.0f} MB), "
            f"{len(full_ms)} images, one thread: p50 {scaled['p50']:.1f} ms, p99 {scaled['p99']:.1f} ms "
            f"(same images on the {len(marks)}-mark index: {scaled['full_p50']:.1f} / {scaled['full_p99']:.1f})"
        )
    if "engine" in results:
        e, b = results["engine"], results["PDQ baseline"]
        print()
        print(
            f"engine / baseline: recall @ 1 % FPR {e['recall']:.3f} / {b['recall']:.3f} = "
            f"{e['recall'] / max(b['recall'], 1e-9):.2f}x; ms p50 {e['ms_p50'] / b['ms_p50']:.2f}x"
        )
        ms10k = extra.get("engine", {}).get("fit", {}).get(99, (0, 0, e["ms_p99"]))[2]
        if scaled and scaled["marks"] >= TARGET_MARKS:
            ms10k = scaled["p99"]
        print(
            f"targets: recall >= 0.95 at <= 1 % FPR: {'met' if e['recall'] >= 0.95 else 'NOT MET'} ({e['recall']:.3f}); "
            f"<= 100 ms per image at 10,000 marks (p99): {'met' if ms10k <= 100 else 'NOT MET'} ({ms10k:.1f} ms)"
        )
    for m in methods:
        if m.first_error:
            print(f"\n{m.name}: {m.errors} errors; first:\n{m.first_error}")
    print(
        f"\n# load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}; total {time.perf_counter() - t0:.0f} s"
    )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "args": vars(args) | {"json": str(args.json), "dump": str(args.dump)},
                    "results": results,
                    "extrapolation": extra,
                    "scaled": scaled,
                },
                indent=1,
                default=str,
            )
        )


if __name__ == "__main__":
    main()
