"""Benchmark: the register of pacts and its open-data exports with 5,000 pacts on 500 commons.

    .venv/bin/python bench/pactes_register.py [--rounds N] [--pacts 5000] [--commons 500]

Builds a throw-away SQLite database (the test settings) and requests, through Django's full
stack with the test client: the register (plain, filtered, searched, a far page), the commons
page, and the CSV and GeoJSON exports (streamed, read to the end), and the CSV revalidated
with its ETag (``304 Not Modified``). For each: the number of
queries, the median and p90 server time, and for the exports the size. First with 10 pacts,
then with ``--pacts`` pacts (each with an association, a resident and the city as parties,
written with bulk_create): the register's query count must not change. Baselines from the same
run: ``/healthz`` and the login page.

Prints a Markdown table. Bounded: about two minutes on a busy two-core machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cite.settings.test")

import django

django.setup()

from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_databases, teardown_databases  # noqa: E402
from django.utils import timezone  # noqa: E402

PAGES = [
    ("register", "/pactes/"),
    ("register, filtered", "/pactes/?statut=active&bien=garden&partie=association"),
    ("register, text search", "/pactes/?q=jardin+lilas"),
    ("register, page 100", "/pactes/?page=100"),
    ("commons and their pacts", "/pactes/biens-communs/"),
]
EXPORTS = [("export CSV", "/pactes/export.csv"), ("export GeoJSON", "/pactes/export.geojson")]
NAIVE = "baseline: naive CSV (N+1, in memory)"
BASELINES = [("baseline: /healthz", "/healthz"), ("baseline: login page", "/accounts/login/")]


def fetch(client: Client, path: str) -> int:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def measure(client: Client, path: str, rounds: int) -> tuple[int, float, float, int]:
    for _ in range(2):
        fetch(client, path)
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        size = fetch(client, path)
    count = len(queries)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fetch(client, path)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return count, statistics.median(times), times[max(0, int(len(times) * 0.9) - 1)], size


def naive_csv() -> int:
    """Baseline: the export one writes first, a CSV line per pact reading its parties through
    the relation (one query per pact), built in memory."""
    import csv
    import io

    from pactes.selectors import public_pacts

    out = io.StringIO()
    writer = csv.writer(out)
    for pact in public_pacts().select_related("commons"):
        names = " ; ".join(p.organisation.name for p in pact.parties.all() if p.organisation_id)
        writer.writerow([pact.pk, pact.title, pact.get_status_display(), pact.commons.name, names])
    return len(out.getvalue().encode())


REVALIDATE = "export CSV, revalidated (304)"


def revalidate(client: Client, path: str):
    """A harvester's second visit: the export's ETag sent back, answered 304 without the file."""
    etag = client.get(path)["ETag"]

    def call() -> int:
        response = client.get(path, headers={"if-none-match": etag})
        assert response.status_code == 304, response.status_code
        return 0

    return call


def measure_call(function, rounds: int) -> tuple[int, float, float, int]:
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        size = function()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return len(queries), statistics.median(times), times[max(0, int(len(times) * 0.9) - 1)], size


def populate(*, pacts: int, commons: int, offset: int = 0) -> None:
    from accounts.models import Organisation, User
    from pactes.models import Commons, Pact, Party

    now = timezone.now()
    kinds = Commons.Kind.values
    places = Commons.objects.bulk_create(
        Commons(
            name=f"Jardin des Lilas {offset + i}" if i % 5 == 0 else f"Lieu {offset + i}",
            kind=kinds[i % len(kinds)],
            neighbourhood=f"Quartier {i % 12}",
            address=f"{i} rue du Lien",
            is_validated=True,
            latitude=f"48.{i % 10_000:04d}" if i % 4 else None,
            longitude=f"2.{i % 10_000:04d}" if i % 4 else None,
        )
        for i in range(commons)
    )
    city = Organisation.objects.get_or_create(
        slug="bench-ville", defaults={"name": "Ville", "kind": Organisation.Kind.CITY_DEPARTMENT}
    )[0]
    association = Organisation.objects.get_or_create(
        slug="bench-asso", defaults={"name": "Les Jardins partagés", "kind": Organisation.Kind.ASSOCIATION}
    )[0]
    person = User.objects.get_or_create(email="bench@example.org", defaults={"display_name": "Habitante"})[0]
    statuses = [
        Pact.Status.ACTIVE,
        Pact.Status.ACTIVE,
        Pact.Status.CONSULTATION,
        Pact.Status.ENDED,
        Pact.Status.SUBMITTED,
    ]
    rows = Pact.objects.bulk_create(
        Pact(
            title=f"Pacte {offset + i} pour prendre soin ensemble",
            commons=places[i % commons],
            status=statuses[i % len(statuses)],
            proponent_kind=Pact.ProponentKind.ORGANISATION,
            idea="Cultiver, entretenir et ouvrir le lieu aux voisins de tous âges.",
            publication_consent=True,
            submitted_at=now,
            start_date=dt.date(2026, 1, 1),
            end_date=dt.date(2027, 12, 31),
        )
        for i in range(pacts)
    )
    Party.objects.bulk_create(
        [Party(pact=p, role=Party.Role.PROPONENT, organisation=association) for p in rows]
        + [Party(pact=p, role=Party.Role.CO_SIGNATORY, person=person) for p in rows]
        + [Party(pact=p, role=Party.Role.CITY, organisation=city) for p in rows]
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--pacts", type=int, default=5_000)
    parser.add_argument("--commons", type=int, default=500)
    args = parser.parse_args()
    config = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    try:
        client = Client()
        populate(pacts=10, commons=10)
        everything = PAGES + EXPORTS + BASELINES
        small = {name: measure(client, path, args.rounds) for name, path in everything}
        small[NAIVE] = measure_call(naive_csv, args.rounds)
        small[REVALIDATE] = measure_call(revalidate(client, EXPORTS[0][1]), args.rounds)
        populate(pacts=args.pacts - 10, commons=args.commons - 10, offset=10)
        # Exports of thousands of rows take longer: fewer rounds keep the run bounded.
        large = {
            name: measure(client, path, args.rounds if (name, path) not in EXPORTS else max(3, args.rounds // 3))
            for name, path in everything
        }
        large[NAIVE] = measure_call(naive_csv, max(3, args.rounds // 3))
        large[REVALIDATE] = measure_call(revalidate(client, EXPORTS[0][1]), args.rounds)
        header = f"| request | queries (10 pacts) | median ms | p90 ms | queries ({args.pacts:,} pacts) | median ms"
        print(header + " | p90 ms | size |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for name in [name for name, _ in everything] + [NAIVE, REVALIDATE]:
            (q1, m1, p1, _s1), (q2, m2, p2, s2) = small[name], large[name]
            if name == REVALIDATE:  # Django's query log is reset by each request the helper makes first
                q1 = q2 = "–"
            print(f"| {name} | {q1} | {m1:.1f} | {p1:.1f} | {q2} | {m2:.1f} | {p2:.1f} | {s2 / 1024:.0f} KiB |")
        grown = [name for name, _ in PAGES if large[name][0] != small[name][0]]
        print("\nregister query counts constant as pacts grow:", "yes" if not grown else f"NO ({', '.join(grown)})")
    finally:
        teardown_databases(config, verbosity=0)


if __name__ == "__main__":
    main()
