"""Benchmark: server time and queries of the programme pages, at two amounts of content.

    .venv/bin/python bench/cite_pages.py [--rounds N]

Builds a throw-away SQLite database (the test settings), loads the demo content, and requests
each programme page through Django's full stack (middleware, Wagtail routing, templates) with the
test client: median and p90 server time, and the number of queries. Then it grows the content
(every engagement gets 12 actions, 60 more news items) and measures again: the query counts must
not change. Baselines from the same run: ``/healthz`` (one query, no template) and the login
page (an ordinary Django page in the same layout).

Prints a Markdown table. Bounded: about a minute on a busy two-core machine.
"""

from __future__ import annotations

import argparse
import datetime
import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cite.settings.test")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_databases, teardown_databases  # noqa: E402

PAGES = [
    ("home", "/"),
    ("programme", "/programme/"),
    ("engagement", "/programme/engagement-4/"),
    ("news index", "/actualites/"),
    ("news item", "/actualites/cent-bancs/"),
    ("search", "/recherche/?q=lien"),
]
BASELINES = [("baseline: /healthz", "/healthz"), ("baseline: login page", "/accounts/login/")]


def measure(client: Client, path: str, rounds: int) -> tuple[int, float, float]:
    for _ in range(3):
        client.get(path)
    # The log is a bounded deque: once full, its length stops changing and nothing would count.
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    count = len(queries)  # now: the next request empties the log it reads
    assert response.status_code == 200, (path, response.status_code)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return count, statistics.median(times), times[int(len(times) * 0.9) - 1]


def grow() -> None:
    from programme.models import EngagementPage, NewsIndexPage, NewsPage

    for page in EngagementPage.objects.all():
        page.actions = [
            {"type": "action", "value": {"title": f"Action {i}", "status": ["planned", "in_progress", "done"][i % 3]}}
            for i in range(12)
        ]
        page.save_revision().publish()
    index = NewsIndexPage.objects.get()
    for i in range(60):
        item = NewsPage(title=f"Nouvelle {i}", slug=f"nouvelle-{i}", date=datetime.date(2025, 1, 1))
        item.tags.add("quartier", f"thème {i % 5}")
        index.add_child(instance=item)
        item.save_revision().publish()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    rounds = parser.parse_args().rounds
    config = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    try:
        call_command("load_demo", force=True, stdout=io.StringIO())
        client = Client()
        print("| page | queries (demo) | median ms | p90 ms | queries (grown) | median ms | p90 ms |")
        print("|---|---|---|---|---|---|---|")
        small = {name: measure(client, path, rounds) for name, path in PAGES + BASELINES}
        grow()
        large = {name: measure(client, path, rounds) for name, path in PAGES + BASELINES}
        for name, _ in PAGES + BASELINES:
            (q1, m1, p1), (q2, m2, p2) = small[name], large[name]
            print(f"| {name} | {q1} | {m1:.1f} | {p1:.1f} | {q2} | {m2:.1f} | {p2:.1f} |")
        grown = [name for name, _ in PAGES if large[name][0] != small[name][0] and name != "search"]
        print("\nquery counts constant as content grows:", "yes" if not grown else f"NO ({', '.join(grown)})")
    finally:
        teardown_databases(config, verbosity=0)


if __name__ == "__main__":
    main()
