"""What the suggestion panel costs the applicant's form page, and whether that cost grows with
an application's history of suggestions.

The panel runs the consistency rules on every view and reads the stored suggestions, so each
form page view pays for it. The baseline database holds a draft with no stored suggestions;
the loaded one the same draft with ``--history`` (500) decided suggestions from earlier model
runs. Rounds alternate (ABBA) and the ratio is loaded / baseline for ``GET /applications/<id>/edit/``
(the whole form page, panel included) and ``GET /suggestions/applications/<id>/`` (the panel alone,
as htmx polls it); the last line gives the panel's share of the page on the loaded side.

    .venv/bin/python bench/suggestions.py [--requests 200] [--history 500]
    BANQUAN_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/banquan_bench .venv/bin/python bench/suggestions.py
"""

import argparse

import _harness


def prepare(history: int) -> tuple[object, int]:
    from banquan.suggestions.models import Kind, Source, State, Suggestion
    from banquan.testing import factories

    user = factories.UserFactory(role="applicant", applicant_kind="person")
    # employment without an organisation and several authors: two rule remarks on every view
    app = factories.draft(user, creation_mode="employment")
    Suggestion.objects.bulk_create(
        Suggestion(application=app, kind=Kind.INCONSISTENCY if i % 2 else Kind.CATEGORY, source=Source.MODEL,
                   key=f"model:{i}", payload={"field": "title", "message": f"旧提示 {i}", "category": "written",
                                              "reason": "旧理由"}, state=State.DISMISSED, decided_by=user)
        for i in range(history))
    return user, app.pk


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--history", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    _harness.setup("suggestions")
    print(f"suggestion panel cost — {_harness.machine()}\ndatabase: {_harness.describe_database()}\n")
    from django.test import Client

    clients: dict[str, tuple[Client, int]] = {}
    for label, history in zip(_harness.LABELS, (0, args.history), strict=True):
        _harness.use(label)
        user, app_id = prepare(history)
        client = Client()
        client.force_login(user)
        clients[label] = (client, app_id)
    pages = {"form page": "/applications/{id}/edit/", "panel": "/suggestions/applications/{id}/"}
    samples: dict[str, dict[str, list[float]]] = {label: {p: [] for p in pages} for label in _harness.LABELS}
    for r in range(args.rounds):
        for label in _harness.round_order(r):
            _harness.use(label)
            client, app_id = clients[label]
            for page, path in pages.items():
                url = path.format(id=app_id)
                client.get(url)  # warm the connection after switching databases
                samples[label][page] += _harness.timed(lambda url=url, c=client: c.get(url), args.requests // args.rounds)
    print(f"{'':12}{'baseline p50':>14}{'loaded p50':>12}{'p95':>9}{'ratio':>8}")
    for page in pages:
        base, loaded = (_harness.percentiles(samples[label][page]) for label in _harness.LABELS)
        print(f"{page:12}{base['p50']:>11.2f} ms{loaded['p50']:>9.2f} ms{loaded['p95']:>6.2f} ms"
              f"{_harness.ratio(loaded['p50'], base['p50']):>8}")
    share = (_harness.percentiles(samples["loaded"]["panel"])["p50"]
             / _harness.percentiles(samples["loaded"]["form page"])["p50"])
    print(f"\npanel / form page (loaded, p50): {share:.0%}  [history {args.history} decided suggestions]")


if __name__ == "__main__":
    main()
