"""The labelled evaluation corpus of the facilitation rules, and how it is scored.

``fr.tsv`` and ``en.tsv`` hold sentences written for this corpus, one a line:
``expected <TAB> category <TAB> message`` (see ``README.md``). Every sentence belongs to the
*dev* split (the one we read when we improve a rule) or to the *test* split (held out: read only
to measure), decided by a checksum of its text so that the split never changes when lines are
added or moved. ``bench/moderation_quality.py`` prints the figures; a test asserts the targets
on the test split.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUTCOMES = ("publish", "nudge", "hold")
# A civil sentence must be published; everything else is hostile (nudge or hold expected).
CIVIL_CATEGORIES = ("civil", "polysemy", "proper_noun", "expression", "quotation", "negation")
# One sentence in three is held out.
TEST_SHARE = 3


@dataclass(frozen=True, slots=True)
class Sample:
    language: str
    expected: str
    category: str
    text: str

    @property
    def split(self) -> str:
        return "test" if zlib.crc32(self.text.encode()) % TEST_SHARE == 0 else "dev"

    @property
    def civil(self) -> bool:
        return self.expected == "publish"


def load(split: str | None = None) -> list[Sample]:
    """Every sample of the corpus, or those of one split ("dev" or "test")."""
    samples = []
    for path in sorted(HERE.glob("*.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            expected, category, text = line.split("\t")
            if expected not in OUTCOMES:
                raise ValueError(f"{path.name} line {number}: unknown outcome {expected!r}")
            samples.append(Sample(path.stem, expected, category, text))
    return [s for s in samples if split is None or s.split == split]


@dataclass
class Score:
    """The outcome of each sample, and the figures the targets are about."""

    results: list[tuple[Sample, str]]

    def rate(self, keep: Callable[[Sample], bool], outcome: str) -> float:
        chosen = [got for sample, got in self.results if keep(sample)]
        return sum(got == outcome for got in chosen) / len(chosen) if chosen else 0.0

    @property
    def civil_held(self) -> float:
        return self.rate(lambda s: s.civil, "hold")

    @property
    def civil_nudged(self) -> float:
        return self.rate(lambda s: s.civil, "nudge")

    @property
    def hostile_published(self) -> float:
        return self.rate(lambda s: not s.civil, "publish")

    def confusion(self) -> Counter:
        return Counter((sample.expected, got) for sample, got in self.results)

    def misses(self) -> list[tuple[Sample, str]]:
        return [(sample, got) for sample, got in self.results if got != sample.expected]


def score(samples: Iterable[Sample], decide: Callable[[Sample], str]) -> Score:
    """``decide(sample)`` returns "publish", "nudge" or "hold" for each sample."""
    return Score([(sample, decide(sample)) for sample in samples])


def default_rules() -> list[dict]:
    """The rules of the default "non-violent" profile as the migrations write them."""
    from importlib import import_module

    first = import_module("moderation.migrations.0003_default_profile_rules").DEFAULT_RULES
    later = import_module("moderation.migrations.0007_default_profile_context_rules")
    return later._with_new_steps([dict(step, params=dict(step.get("params", {}))) for step in first])
