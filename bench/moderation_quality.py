"""Benchmark: how well the facilitation rules judge the labelled corpus (moderation/corpus/).

    .venv/bin/python bench/moderation_quality.py [--split dev|test|all] [--classifier dotted.Class]
                                                 [--misses] [--rounds N]

Runs every sentence of the corpus through the default profile's content rules, as the room's
pipeline does (the gate rules let it through), once with a French interface and once with an
English one: the message's own language must decide, so both runs must agree. Prints, for the
chosen split:

- the targets: civil sentences held (≤ 1 %) and nudged (≤ 5 %), hostile sentences published
  (≤ 10 %);
- per category: how many sentences, recall (share given the expected outcome) and precision
  (of the sentences the rules gave that category's outcome, the share that expected it);
- the confusion table (expected × outcome);
- the same figures for a baseline from the same run: the default profile's steps as migration
  0003 wrote them, without the steps migration 0007 adds (threats, third-party attacks,
  generalisations, exclusion, mocking emoji);
- the pipeline's median and p99 time per sentence, for both;
- with ``--misses``, every sentence whose outcome differs from the label.

``--classifier`` sets ``MODERATION_CLASSIFIER`` to that class, so that the default profile's
classifier step (see docs/moderation.md) runs it and a model is measured on the same corpus.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from importlib import import_module
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cite.settings.test")

import django

django.setup()

from moderation import corpus  # noqa: E402
from moderation.pipeline import Decision, MessageContext, run  # noqa: E402
from moderation.rules import compile_steps  # noqa: E402
from moderation.rules import context as rules_context  # noqa: E402
from moderation.rules import language as language_detection  # noqa: E402

OUTCOME = {Decision.ALLOW: "publish", Decision.NUDGE: "nudge", Decision.HOLD: "hold", Decision.REJECT: "hold"}


def decider(rules: list[dict], interface: str):
    steps = compile_steps(rules)
    now = datetime.now(UTC)

    def decide(sample: corpus.Sample) -> str:
        context = MessageContext(body=sample.text, author_id=1, debate_id=1, language=interface, now=now)
        return OUTCOME[run(steps, context).decision]

    return decide


def timings(rules: list[dict], samples: list[corpus.Sample], rounds: int) -> tuple[float, float]:
    """Median and p99 microseconds per sentence; caches emptied before each (every message is new)."""
    decide = decider(rules, "fr")
    clock = time.perf_counter_ns
    found = []
    for _round in range(rounds):
        for sample in samples:
            rules_context.forget()
            start = clock()
            decide(sample)
            found.append((clock() - start) / 1000)
    found.sort()
    return statistics.median(found), found[min(len(found) - 1, int(len(found) * 0.99))]


def report(score: corpus.Score, title: str) -> None:
    print(f"\n## {title}\n")
    print(f"- civil held: {score.civil_held:.1%} (target ≤ 1 %)")
    print(f"- civil nudged: {score.civil_nudged:.1%} (target ≤ 5 %)")
    print(f"- hostile published: {score.hostile_published:.1%} (target ≤ 10 %)")
    expected_of = {}
    for sample, _got in score.results:
        expected_of.setdefault(sample.category, Counter())[sample.expected] += 1
    print("\n| category | sentences | recall | precision |")
    print("|---|---:|---:|---:|")
    for category in sorted(expected_of):
        mine = [(s, got) for s, got in score.results if s.category == category]
        recall = sum(got == s.expected for s, got in mine) / len(mine)
        # Precision: of all sentences given this category's (main) outcome, those that expected it.
        outcome = expected_of[category].most_common(1)[0][0]
        given = [(s, got) for s, got in score.results if got == outcome]
        precision = sum(s.expected == outcome for s, _got in given) / len(given) if given else 0.0
        print(f"| {category} | {len(mine)} | {recall:.0%} | {precision:.0%} |")
    confusion = score.confusion()
    print("\n| expected \\ outcome | " + " | ".join(corpus.OUTCOMES) + " |")
    print("|---|" + "---:|" * len(corpus.OUTCOMES))
    for expected in corpus.OUTCOMES:
        print(f"| {expected} | " + " | ".join(str(confusion[(expected, got)]) for got in corpus.OUTCOMES) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test", "all"], default="all")
    parser.add_argument("--classifier", help="dotted path of a classifier class with score(text, lang)")
    parser.add_argument("--misses", action="store_true", help="list the sentences the rules get wrong")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the corpus for the timings")
    options = parser.parse_args()

    samples = corpus.load(None if options.split == "all" else options.split)
    rules = corpus.default_rules()
    if options.classifier:
        from django.test import override_settings

        override_settings(MODERATION_CLASSIFIER=options.classifier).enable()
    baseline = import_module("moderation.migrations.0003_default_profile_rules").DEFAULT_RULES

    language_detection.warm()
    french = corpus.score(samples, decider(rules, "fr"))
    english = corpus.score(samples, decider(rules, "en"))
    disagree = sum(a != b for (_s, a), (_t, b) in zip(french.results, english.results, strict=True))
    counts = Counter(s.language for s in samples)
    print(f"# Moderation quality — split {options.split}: {counts['fr']} French, {counts['en']} English sentences")
    if options.classifier:
        print(f"\nWith the classifier step: {options.classifier}")
    report(french, "Rules of the default profile")
    print(f"\nOutcomes that change with the author's interface language (fr vs en): {disagree}")

    def old_decide(sample: corpus.Sample) -> str:
        # Before the corpus, the lexicon followed the author's interface language.
        return decider(baseline, "fr")(sample)

    report(
        corpus.score(samples, old_decide),
        "Baseline: the steps of migration 0003 (before the corpus's rules), French interface",
    )

    median, p99 = timings(rules, samples, options.rounds)
    base_median, base_p99 = timings(baseline, samples, options.rounds)
    print("\n| pipeline (content rules) | median (µs) | p99 (µs) |")
    print("|---|---:|---:|")
    print(f"| default profile | {median:.0f} | {p99:.0f} |")
    print(f"| baseline: migration 0003 rules | {base_median:.0f} | {base_p99:.0f} |")
    print(f"\nTarget: median < 1,000 µs — {'met' if median < 1000 else 'NOT met'}.")

    if options.misses:
        print("\n## Misses\n")
        for sample, got in french.misses():
            print(f"- [{sample.split}] {sample.category}: expected {sample.expected}, got {got} — {sample.text}")


if __name__ == "__main__":
    main()
