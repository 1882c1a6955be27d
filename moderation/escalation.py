"""The escalation ladder (docs/moderation.md): reminder → messages held for review → timed
mute → slow mode → pause → exclusion. Each rung is a facilitator's action; nothing climbs the
ladder by itself and no automatic action ever excludes anyone.

The queue offers, for a participant with previous actions in a debate, the rung after the
highest one already taken (a reminder when only their messages were acted on)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext_lazy as _

from .models import ModerationAction

Kind = ModerationAction.Kind

LADDER: tuple[str, ...] = (Kind.REMINDER, Kind.REVIEW, Kind.MUTE, Kind.SLOW_MODE, Kind.PAUSE, Kind.EXCLUDE)
STEP_LABELS: dict[str | None, Any] = {
    Kind.REMINDER: _("Remind them of the charter"),
    Kind.REVIEW: _("Hold their messages for review for a while"),
    Kind.MUTE: _("Mute them for a while"),
    Kind.SLOW_MODE: _("Put the room in slow mode"),
    Kind.PAUSE: _("Pause the room"),
    Kind.EXCLUDE: _("Exclude them from the debate"),
}
# Actions that count as "previous actions" for a participant: every decision against them.
COUNTED = frozenset({Kind.HOLD, Kind.REJECT, Kind.HIDE, Kind.KEEP_HIDDEN, *LADDER})


def next_step(kinds: Iterable[str]) -> str | None:
    """The rung to offer after ``kinds`` (the participant's previous actions in a debate), or
    None when there is nothing to offer (no previous action, or already excluded)."""
    kinds = [kind for kind in kinds if kind in COUNTED]
    if not kinds:
        return None
    taken = [LADDER.index(kind) for kind in kinds if kind in LADDER]
    if not taken:
        return LADDER[0]
    highest = max(taken)
    return LADDER[highest + 1] if highest + 1 < len(LADDER) else None
