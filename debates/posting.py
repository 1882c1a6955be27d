"""The posting pipeline: the gate rules of DESIGN §7, then the facilitation profile's rules.

Gate rules are plain pipeline rules ``(context, params) -> Verdict | None``. They read only the
:class:`~facilitation.pipeline.MessageContext` that ``debates.services.message_post`` builds, never
the database. The debate's facilitation profile adds its content filters
(``facilitation.filters.steps_for(profile)``); the strongest verdict wins and a REJECT stops the
pipeline.
"""

from __future__ import annotations

import math
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from facilitation import filters
from facilitation.pipeline import Decision, MessageContext, Verdict, run


def _reject(rule: str, code: str, explanation: str, retry_after: int | None = None) -> Verdict:
    return Verdict(Decision.REJECT, rule=rule, code=code, explanation=explanation, retry_after=retry_after)


def _now(context: MessageContext) -> datetime:
    return context.now or timezone.now()


def _seconds_until(moment: datetime, now: datetime) -> int:
    return max(1, math.ceil((moment - now).total_seconds()))


def gate_room_open(context: MessageContext, params) -> Verdict | None:
    room = context.room
    if room.get("status") != "open":
        return _reject("room_open", "ROOM_CLOSED", _("This debate is not open for messages."))
    if room.get("mode") == "paused" and not context.participant.get("is_facilitator"):
        return _reject("room_open", "ROOM_CLOSED", _("The facilitators have paused the debate for a moment."))
    return None


def gate_verified_email(context: MessageContext, params) -> Verdict | None:
    if not context.participant.get("verified"):
        return _reject("verified_email", "EMAIL_NOT_VERIFIED", _("Confirm your e-mail address before taking part."))
    return None


def gate_charter(context: MessageContext, params) -> Verdict | None:
    participant = context.participant
    if not participant.get("charter_accepted") and not participant.get("is_facilitator"):
        return _reject("charter", "CHARTER_REQUIRED", _("Accept the debate's charter before posting."))
    return None


def gate_muted(context: MessageContext, params) -> Verdict | None:
    until = context.participant.get("muted_until")
    now = _now(context)
    if until and until > now:
        return _reject(
            "muted", "MUTED", _("A facilitator has muted you for a while."), retry_after=_seconds_until(until, now)
        )
    return None


def gate_turns(context: MessageContext, params) -> Verdict | None:
    room = context.room
    if room.get("mode") != "turns" or context.participant.get("is_facilitator"):
        return None
    until = room.get("floor_until")
    if room.get("floor_user_id") == context.author_id and until and until > _now(context):
        return None
    return _reject("turns", "NOT_YOUR_TURN", _("Speaking turns are on: raise your hand and wait for the floor."))


def gate_slow_mode(context: MessageContext, params) -> Verdict | None:
    room = context.room
    last = context.participant.get("last_post_at")
    if room.get("mode") != "slow" or context.participant.get("is_facilitator") or not last:
        return None
    now = _now(context)
    allowed_at = last + timezone.timedelta(seconds=room.get("slow_seconds") or 0)
    if allowed_at > now:
        wait = _seconds_until(allowed_at, now)
        return _reject(
            "slow_mode", "SLOW_MODE", _("Slow mode: you can post again in %(seconds)s s.") % {"seconds": wait}, wait
        )
    return None


def gate_empty(context: MessageContext, params) -> Verdict | None:
    if not context.body.strip():
        return _reject("empty", "EMPTY", _("The message is empty."))
    return None


def gate_too_long(context: MessageContext, params) -> Verdict | None:
    limit = context.room.get("max_length") or 2000
    if len(context.body) > limit:
        return _reject(
            "too_long", "TOO_LONG", _("The message is too long (%(limit)s characters at most).") % {"limit": limit}
        )
    return None


def gate_under_review(context: MessageContext, params) -> Verdict | None:
    """A participant a facilitator placed under review: each message waits for a decision."""
    if context.participant.get("under_review") and not context.participant.get("is_facilitator"):
        return Verdict(
            Decision.HOLD,
            rule="under_review",
            code="UNDER_REVIEW",
            explanation=_("A facilitator reviews your messages for a while: this one will appear once approved."),
        )
    return None


GATES = [
    (gate_room_open, {}),
    (gate_verified_email, {}),
    (gate_charter, {}),
    (gate_muted, {}),
    (gate_turns, {}),
    (gate_slow_mode, {}),
    (gate_empty, {}),
    (gate_too_long, {}),
    (gate_under_review, {}),
]


def history_size(profile) -> int:
    """How many of the author's latest messages the profile's filters need to see (at least 5)."""
    return max(5, filters.history_needed(profile))


def profile_steps(profile) -> list:
    """The facilitation profile's content filters, as pipeline steps."""
    return list(filters.steps_for(profile))


def evaluate(context: MessageContext, *, profile) -> Verdict:
    """The verdict on a message about to be posted: gates first, then the profile's rules."""
    return run([*GATES, *profile_steps(profile)], context)
