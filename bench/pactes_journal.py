"""Benchmark: the journal of pact fingerprints (append, chain verification, /healthz).

    .venv/bin/python bench/pactes_journal.py [--entries 5000] [--rounds 5]

Builds a throw-away SQLite database (the test settings). Appends entries through the journal's
own append (chained, numbered) and times an append with 100 entries already written and with
``--entries``: the cost of an append must not grow with the journal. Then times the whole chain
verification (hashes only), /healthz before any full check (it verifies the whole chain), and
/healthz once the hourly check has left its checkpoint (only the entries since are verified),
for both sizes; baseline from the same run: /healthz with an empty journal.

Prints a Markdown table. Bounded: well under a minute for 5,000 entries on a busy machine.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cite.settings.test")

import django

django.setup()

from django.test import Client  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402

from pactes.journal import _append, journal_check_and_alert, journal_verify  # noqa: E402


def _fake_version(n: int):
    return SimpleNamespace(pact_id=1 + n // 4, pk=n, number=1 + n % 4)


def _fill(upto: int, start: int) -> None:
    for n in range(start, upto):
        _append(kind="signature", version=_fake_version(n), payload={"fingerprint": f"{n:064x}", "party": "Bench"})


def _median_ms(call, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    # The bench's entries point to no real signature: the full check's alert is expected noise.
    logging.disable(logging.CRITICAL)
    config = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    client = Client()
    rows = []
    try:
        rows.append(("/healthz, empty journal (baseline)", 0, _median_ms(lambda: client.get("/healthz"), args.rounds)))
        written = 0
        for size in (100, args.entries):
            _fill(size, written)
            written = size
            append = _median_ms(lambda w=written: _fill(w + 1, w), 1)
            written += 1
            rows.append(("append one entry", size, append))
            rows.append(
                ("verify the chain (hashes)", size, _median_ms(lambda: journal_verify(texts=False), args.rounds))
            )
            rows.append(("/healthz, no full check yet", size, _median_ms(lambda: client.get("/healthz"), args.rounds)))
            journal_check_and_alert()  # the hourly task: sets the checkpoint /healthz starts from
            _fill(written + 10, written)
            written += 10
            rows.append(
                ("/healthz, 10 entries since the check", size, _median_ms(lambda: client.get("/healthz"), args.rounds))
            )
    finally:
        teardown_databases(config, verbosity=0)
    print("| what | entries | median ms |\n|---|---|---|")
    for what, size, ms in rows:
        print(f"| {what} | {size:,} | {ms:.1f} |")


if __name__ == "__main__":
    main()
