"""Benchmark: the cost of the facilitation pipeline per message.

    .venv/bin/python bench/moderation.py [--rounds N]

Measures, in one run on this machine:

- the whole content pipeline of the default profile (``steps_for`` + every rule) plus
  sanitising with bleach (``cite.html.plain_text_to_html``), per message, for short messages
  and for 1,000-character messages: median and p99;
- two baselines from the same run: bleach alone, and a naive insult matcher (one
  word-boundary regular expression per lexicon term, the usual first implementation);
- the lexicon's load time (reading and indexing the shipped lists) and the normaliser's tables.

Prints a Markdown table (copied into docs/performance.md). Bounded: a few seconds.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cite.settings.test")

import django

django.setup()

from cite.html import plain_text_to_html  # noqa: E402
from moderation.corpus import default_rules  # noqa: E402
from moderation.models import FacilitationProfile  # noqa: E402
from moderation.pipeline import MessageContext, run  # noqa: E402
from moderation.rules import context as rules_context  # noqa: E402
from moderation.rules import lexicon, normalise, steps_for  # noqa: E402

DEFAULT_RULES = default_rules()

SHORT = [
    "Je propose un composteur collectif près de l’école.",
    "Bonne idée, je peux aider le samedi matin.",
    "Le compte rendu est sur https://ville.example.fr/cr-12",
    "ARRÊTEZ DE BÉTONNER NOTRE QUARTIER !",
    "Tu es vraiment nul avec ton projet.",
    "Quel c0nnard ce voisin",
    "Merci à toutes et à tous pour cette réunion.",
    "I think the bus lane should stay open on Sundays.",
    "You are pathetic.",
    "Il faut rouvrir la piscine en juin, les enfants n’ont rien à faire.",
    "La rue est en cul-de-sac, les camions ne peuvent pas tourner.",
    "Où en est le contrat de la salle des fêtes ?",
]
PARAGRAPH = (
    "Depuis l’ouverture du jardin partagé, le quartier a changé : on se parle davantage, les "
    "enfants viennent arroser après l’école et les anciens donnent des conseils. Mais la question "
    "de l’eau revient chaque été, et la convention avec la ville doit préciser qui paie quoi. "
    "I would suggest a rota for watering, published on the notice board and online. "
)


def long_messages() -> list[str]:
    """1,000-character messages: the paragraph shifted so that each one differs."""
    text = PARAGRAPH * 4
    return [(text[i * 37 :] + text)[:1000] for i in range(len(SHORT))]


def contexts(bodies: list[str]) -> list[MessageContext]:
    now = datetime.now(UTC)
    history = tuple(SHORT[:5])
    times = tuple(now - timedelta(seconds=90 * (i + 1)) for i in range(5))
    return [
        MessageContext(
            body=body,
            author_id=1,
            debate_id=1,
            language="fr" if i % 3 else "en",
            now=now,
            reply_to_body=SHORT[0] if i % 2 else None,
            reformulation="Tu proposes un composteur près de l’école" if i % 2 else "",
            published_count=12,
            recent_bodies=history,
            recent_times=times,
            room={"reformulation_required": bool(i % 4 == 1)},
        )
        for i, body in enumerate(bodies)
    ]


def timed(function, items, rounds: int) -> list[float]:
    """Microseconds per call, one sample per call.

    The per-text cache of the normaliser is emptied before each call (outside the timing): in
    a room every message is new, so a benchmark that repeats its samples must not profit from it.
    """
    samples = []
    clock = time.perf_counter_ns
    forget = rules_context.forget
    for _ in range(rounds):
        for item in items:
            forget()
            start = clock()
            function(item)
            samples.append((clock() - start) / 1000)
    return samples


def summary(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def naive_matcher():
    """One ``\\bterm\\b`` regex per lexicon term, on the lower-cased text: no folding at all."""
    terms = [entry.term.lower() for entry in lexicon.upstream_entries().values()]
    terms += [entry.term.lower() for entry in lexicon.curated_entries().values() if entry.category != "ignore"]
    patterns = [re.compile(r"\b" + re.escape(term) + r"\b") for term in terms]

    def match(body: str) -> bool:
        lowered = body.lower()
        return any(pattern.search(lowered) for pattern in patterns)

    return match, len(patterns)


def load_times(repeat: int = 7) -> tuple[float, float]:
    """Median milliseconds to build the lexicon from its files, and the normaliser's table."""
    lexicon_ms = statistics.median(_ms(lexicon.load) for _ in range(repeat))
    table_ms = statistics.median(_ms(normalise._invisible_code_points) for _ in range(repeat))
    return lexicon_ms, table_ms


def _ms(function) -> float:
    start = time.perf_counter()
    function()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200, help="passes over the 12 sample messages")
    rounds = parser.parse_args().rounds

    profile = FacilitationProfile(pk=1, name="bench", rules=DEFAULT_RULES, updated_at=datetime.now(UTC))

    def pipeline(context: MessageContext) -> None:
        run(steps_for(profile), context)
        plain_text_to_html(context.body)

    def rules_only(context: MessageContext) -> None:
        run(steps_for(profile), context)

    def bleach_only(context: MessageContext) -> None:
        plain_text_to_html(context.body)

    naive, naive_terms = naive_matcher()

    rows = []
    for label, bodies in (("short (12–70 chars)", SHORT), ("1,000 chars", long_messages())):
        items = contexts(bodies)
        pipeline(items[0])  # warm the caches: translations, compiled steps
        figures = {
            "pipeline + bleach": summary(timed(pipeline, items, rounds)),
            "rules only": summary(timed(rules_only, items, rounds)),
            "baseline: bleach alone": summary(timed(bleach_only, items, rounds)),
            f"baseline: naive matcher ({naive_terms} regexes)": summary(
                timed(lambda c: naive(c.body), items, max(1, rounds // 10))
            ),
        }
        rows += [(label, name, median, p99) for name, (median, p99) in figures.items()]

    lexicon_ms, table_ms = load_times()
    print(f"Moderation pipeline — Python {platform.python_version()}, {platform.machine()}, rounds={rounds}\n")
    print("| messages | what | median (µs) | p99 (µs) |")
    print("|---|---|---:|---:|")
    for label, name, median, p99 in rows:
        print(f"| {label} | {name} | {median:.0f} | {p99:.0f} |")
    print()
    print(f"Lexicon: {len(lexicon.LEXICON)} entries, built from its files in {lexicon_ms:.1f} ms (median of 7);")
    print(f"normaliser tables (invisible characters, look-alikes): {table_ms:.1f} ms; both once per process.")


if __name__ == "__main__":
    main()
