"""The public moderation register: what was decided, by whom in kind (automatic or a
person), why, where and how fast — never who was concerned, nor the facilitators' names, nor
the messages' text."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import ngettext

from debates.models import Debate

from . import reasons
from .models import Appeal, ModerationAction

Kind = ModerationAction.Kind
# Decisions on a message or a participant; appeal decisions are counted apart.
DECISIONS = [k for k in Kind.values if k not in (Kind.APPEAL_UPHELD, Kind.APPEAL_DISMISSED)]


def _reason_key(action_code: str, rule: str) -> str:
    return action_code or rule or "other"


@dataclass
class Figures:
    total: int
    automatic: int
    human: int
    by_reason: list[tuple[str, int, int]]  # label, automatic, human
    by_kind: list[tuple[str, int]]
    by_debate: list[tuple[Debate, int, int]]  # debate, automatic, human
    median_seconds: float | None
    decisions_timed: int
    appeals: dict[str, int]

    @property
    def median_text(self) -> str:
        return duration_text(self.median_seconds) if self.median_seconds is not None else ""


def duration_text(seconds: float) -> str:
    """A duration as people say it: seconds, minutes or hours, rounded."""
    if seconds < 60:
        n = round(seconds)
        return ngettext("%(n)d second", "%(n)d seconds", n) % {"n": n}
    if seconds < 3600:
        n = round(seconds / 60)
        return ngettext("%(n)d minute", "%(n)d minutes", n) % {"n": n}
    if seconds < 86400 * 2:
        n = round(seconds / 3600)
        return ngettext("%(n)d hour", "%(n)d hours", n) % {"n": n}
    n = round(seconds / 86400)
    return ngettext("%(n)d day", "%(n)d days", n) % {"n": n}


def figures() -> Figures:
    """Every figure of the register, in a fixed number of queries."""
    actions = ModerationAction.objects.filter(kind__in=DECISIONS)
    rows = list(actions.values_list("automatic", "reason_code", "rule", "kind", "created_at", "pending_since"))
    automatic = sum(1 for row in rows if row[0])
    reason_counts: Counter = Counter()
    for is_auto, code, rule, *_rest in rows:
        reason_counts[(_reason_key(code, rule), is_auto)] += 1
    keys = sorted(
        {key for key, _auto in reason_counts}, key=lambda k: -(reason_counts[(k, True)] + reason_counts[(k, False)])
    )
    kind_counts = Counter(row[3] for row in rows)
    waits = [(row[4] - row[5]).total_seconds() for row in rows if not row[0] and row[5] is not None]
    per_debate = (
        Debate.objects.filter(visibility=Debate.Visibility.PUBLIC, moderation_actions__kind__in=DECISIONS)
        .annotate(
            automatic=Count("moderation_actions", filter=Q(moderation_actions__automatic=True)),
            human=Count("moderation_actions", filter=Q(moderation_actions__automatic=False)),
        )
        .order_by("-created_at")
    )
    appeals = dict(Appeal.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    return Figures(
        total=len(rows),
        automatic=automatic,
        human=len(rows) - automatic,
        by_reason=[(reasons.label(k), reason_counts[(k, True)], reason_counts[(k, False)]) for k in keys],
        by_kind=[(Kind(k).label, n) for k, n in kind_counts.most_common()],
        by_debate=[(d, d.automatic, d.human) for d in per_debate],
        median_seconds=statistics.median(waits) if waits else None,
        decisions_timed=len(waits),
        appeals={status: appeals.get(status, 0) for status in Appeal.Status.values},
    )


CSV_HEADER = ["date", "debate", "action", "automatic", "rule", "reason", "seconds_to_decision"]


def csv_rows():
    """One row per decision, without personal data. Unlisted debates are not named."""
    actions = (
        ModerationAction.objects.filter(kind__in=DECISIONS)
        .select_related("debate")
        .order_by("created_at", "pk")
        .values_list(
            "created_at",
            "debate__slug",
            "debate__visibility",
            "kind",
            "automatic",
            "rule",
            "reason_code",
            "pending_since",
        )
    )
    for created, slug, visibility, kind, automatic, rule, code, since in actions.iterator():
        wait = None if automatic or since is None else round((created - since).total_seconds())
        yield [
            timezone.localtime(created).date(),
            slug if visibility == Debate.Visibility.PUBLIC else None,
            kind,
            "yes" if automatic else "no",
            rule or None,
            code or None,
            wait,
        ]
