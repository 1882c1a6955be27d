"""The facilitation pipeline: every posted message passes an ordered list of rules.

A rule looks at a :class:`MessageContext` and returns a :class:`Verdict`, or ``None`` when it
has nothing to say. The strongest verdict wins (reject > hold > nudge > allow); between equals,
the first rule in the order wins, so that the explanation a participant sees is the most
relevant one. Rules are plain functions; which ones run, in what order and with which
parameters is data (the debate's facilitation profile), not code branches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum
from typing import Any


class Decision(IntEnum):
    """Ordered by strength: a larger value overrides a smaller one."""

    ALLOW = 0
    NUDGE = 1
    HOLD = 2
    REJECT = 3

    @property
    def code(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Verdict:
    decision: Decision
    rule: str = ""
    # Stable, upper-case error code for REJECT (e.g. "SLOW_MODE"); clients rely on it.
    code: str = ""
    # Human and translated: why, and for a nudge a suggested rephrasing.
    explanation: str = ""
    suggestion: str = ""
    retry_after: int | None = None


ALLOWED = Verdict(Decision.ALLOW)


@dataclass(frozen=True)
class MessageContext:
    """What the rules may look at. Built by the posting service; rules never query the database.

    ``recent_bodies`` and ``recent_times`` are the author's latest messages in this debate
    (newest first); ``published_count`` counts the author's published messages there.
    """

    body: str
    author_id: int | None
    debate_id: int
    language: str = "fr"
    now: datetime | None = None
    reply_to_body: str | None = None
    reformulation: str = ""
    confirm: bool = False
    published_count: int = 0
    recent_bodies: tuple[str, ...] = ()
    recent_times: tuple[datetime, ...] = ()
    room: Mapping[str, Any] = field(default_factory=dict)
    participant: Mapping[str, Any] = field(default_factory=dict)


Rule = Callable[[MessageContext, Mapping[str, Any]], "Verdict | None"]


def run(steps: Iterable[tuple[Rule, Mapping[str, Any]]], context: MessageContext) -> Verdict:
    """Run ``(rule, params)`` steps in order and return the strongest verdict.

    A REJECT stops the pipeline: nothing stronger exists and later rules would only cost time.
    """
    best = ALLOWED
    for rule, params in steps:
        verdict = rule(context, params)
        if verdict is None or verdict.decision <= best.decision:
            continue
        best = verdict
        if best.decision is Decision.REJECT:
            break
    return best
