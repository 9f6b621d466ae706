"""智能客服: the answer time of the embedded default (no model) against a naive scan.

The loaded side is ``assistant.answering.answer`` — the index key query, BM25 ranking over the
knowledge passages (bm25s, built once and cached), the confidence rule and the composed
answer. The baseline, in the same process and interleaved in rounds, is what one writes
without an index: tokenize every passage for every question and count shared words
(``retrieval.naive_search``). Questions: the 20 of the evaluation (docs/assistant.md) with
traditional-character, polite and shortened variants. ``--copies N`` adds N renamed copies of
each shipped article (a larger office knowledge base).

    .venv/bin/python bench/assistant.py                 # shipped articles (13)
    .venv/bin/python bench/assistant.py --copies 20     # 273 articles
"""

import argparse
import random

import _harness


def questions() -> list[str]:
    import opencc

    from banquan.assistant.tests.evaluation import QUESTIONS

    t = opencc.OpenCC("s2t")
    base = [q for q, _, _ in QUESTIONS]
    return base + [t.convert(q) for q in base] + [f"请问{q}" for q in base] + [q.rstrip("？?") for q in base]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--copies", type=int, default=0)
    p.add_argument("--rounds", type=int, default=6)
    args = p.parse_args()
    _harness.setup("assistant")
    _harness.use("loaded")

    from banquan.assistant import answering, index, knowledge, services, shipped
    from banquan.assistant.compose import compose
    from banquan.assistant.models import Article

    for n in range(args.copies):
        for a in shipped.articles():
            services.save_article(by=None, slug=f"{a.slug}-{n}", title=f"{a.title}（{n}）", body=a.body,
                                  position=100 + n)
    rows = list(Article.objects.filter(active=True))
    passages = [p for a in rows for p in knowledge.passages(a.slug, a.title, a.body)]
    asked = questions()
    rng = random.Random(7)
    answering.answer(asked[0])  # build the index once, as the first question after a start does

    def loaded(q: str) -> None:
        answering.answer(q)

    from banquan.assistant import text
    from banquan.assistant.retrieval import Hit, Result, naive_search

    def baseline(q: str) -> None:
        index._key()  # the same database round trip the loaded side makes
        words = set(text.query_tokens(q))
        hits = [Hit(p, score, 1.0, frozenset(words & set(text.tokens(p.text)))) for score, p in naive_search(passages, q)]
        compose(Result(q, hits))

    samples: dict[str, list[float]] = {"baseline": [], "loaded": []}
    for r in range(args.rounds):
        order = asked[:]
        rng.shuffle(order)
        for label in _harness.round_order(r):
            fn = loaded if label == "loaded" else baseline
            for q in order:
                samples[label] += _harness.timed(lambda q=q, fn=fn: fn(q), 1)
    print(f"machine: {_harness.machine()}; {_harness.load_average()}")
    print(f"database: {_harness.describe_database()}")
    print(f"knowledge base: {len(rows)} articles, {len(passages)} passages; {len(asked)} questions × {args.rounds} rounds")
    stats = {k: _harness.percentiles(v) for k, v in samples.items()}
    for label in ("baseline", "loaded"):
        s = stats[label]
        print(f"{label:8} answer p50 {s['p50']:.2f} ms  p99 {s['p99']:.2f} ms  mean {s['mean']:.2f} ms")
    print(f"ratio naive scan / BM25 index, p50: {_harness.ratio(stats['baseline']['p50'], stats['loaded']['p50'])}; "
          f"p99: {_harness.ratio(stats['baseline']['p99'], stats['loaded']['p99'])}")


if __name__ == "__main__":
    main()
