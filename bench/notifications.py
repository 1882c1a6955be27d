"""Benchmark: the cost of ``notify`` as the number of recipients grows, and of the inbox page.

    .venv/bin/python bench/notifications.py [--sizes 1,10,100,1000] [--rounds 5]

Builds a throw-away SQLite database (the test settings) with a public pact and N accounts.
For each N: ``notify`` to N recipients with e-mails "at once" (notifications and outbox rows,
rendered in each recipient's language) and with e-mails off (notifications only); queries and
median time. Baseline from the same run: a bare ``bulk_create`` of N notification rows, the
least any design could write. Then ``/notifications/`` with 20 and 2,000 notifications in the
inbox: the query count must not change. Prints a Markdown table; under a minute.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cite.settings.test")

import django

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_databases, teardown_databases  # noqa: E402
from django.utils import timezone  # noqa: E402


def build(size: int):
    from accounts.models import Organisation, User
    from pactes.models import Commons, Pact, Party

    users = User.objects.bulk_create(
        [User(email=f"bench{n}@example.org", display_name=f"Habitant {n}") for n in range(size)]
    )
    city = Organisation.objects.create(name="Ville", slug="ville", kind=Organisation.Kind.CITY_DEPARTMENT)
    commons = Commons.objects.create(name="Jardin", is_validated=True)
    pact = Pact.objects.create(
        title="Jardin des Lilas",
        commons=commons,
        proponent_kind="person",
        idea="Idée",
        publication_consent=True,
        status=Pact.Status.CONSULTATION,
        submitted_at=timezone.now(),
        created_by=users[0],
    )
    Party.objects.create(pact=pact, role=Party.Role.CITY, organisation=city)
    return users, pact


def timed(rounds: int, run) -> tuple[int, float]:
    times, queries = [], 0
    for _ in range(rounds):
        with transaction.atomic(), CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            run()
            times.append((time.perf_counter() - start) * 1000)
            queries = len(captured)
            transaction.set_rollback(True)
    return queries, statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1,10,100,1000")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    config = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    try:
        from notifications.models import Delivery, Notification, Preference
        from notifications.services import notify

        users, pact = build(max(sizes))
        content_type = ContentType.objects.get_for_model(pact)
        print("| recipients | notify, e-mails at once | notify, e-mails off | baseline: bare bulk_create |")
        print("|---:|---|---|---|")
        for size in sizes:
            group = users[:size]
            at_once = timed(args.rounds, lambda g=group: notify(recipients=g, kind="pact_co_design", object=pact))

            def off(g=group):
                Preference.objects.bulk_create(
                    [Preference(user=u, kind="pact_co_design", delivery=Delivery.NEVER) for u in g]
                )
                notify(recipients=g, kind="pact_co_design", object=pact)

            quiet = timed(args.rounds, off)
            bare = timed(
                args.rounds,
                lambda g=group: Notification.objects.bulk_create(
                    [Notification(recipient=u, kind="x", target_type=content_type, target_id=pact.pk) for u in g]
                ),
            )
            row = [f"{q} queries, {ms:.1f} ms" for q, ms in (at_once, quiet, bare)]
            print(f"| {size} | " + " | ".join(row) + " |")

        reader = users[0]
        client = Client()
        client.force_login(reader)
        print()
        print("| inbox of one account | queries | median ms |")
        print("|---|---:|---:|")
        for total in (20, 2000):
            existing = Notification.objects.filter(recipient=reader).count()
            Notification.objects.bulk_create(
                [
                    Notification(recipient=reader, kind="pact_co_design", target_type=content_type, target_id=pact.pk)
                    for _ in range(total - existing)
                ]
            )
            client.get("/notifications/")
            times = []
            for _ in range(args.rounds):
                with CaptureQueriesContext(connection) as captured:
                    start = time.perf_counter()
                    assert client.get("/notifications/").status_code == 200
                    times.append((time.perf_counter() - start) * 1000)
            print(f"| {total} notifications | {len(captured)} | {statistics.median(times):.1f} |")
    finally:
        teardown_databases(config, verbosity=0)


if __name__ == "__main__":
    main()
