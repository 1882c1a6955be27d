"""Writing to the moderation log. Every moderation service records its action here, inside its
own transaction, so that an action and its record commit or fail together."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from . import events, notify
from .models import ModerationAction


def action_record(
    *,
    kind: str,
    debate,
    actor=None,
    rule: str = "",
    reason_code: str = "",
    reason: str = "",
    message=None,
    target=None,
    minutes: int | None = None,
    pending_since: datetime | None = None,
    appeal=None,
) -> ModerationAction:
    """Append one action to the log (``actor=None``: an automatic action), notify the
    participant it concerns (same transaction), and tell the facilitators' queue pages once
    the transaction commits."""
    action = ModerationAction.objects.create(
        kind=kind,
        debate=debate,
        actor=actor,
        automatic=actor is None,
        rule=rule,
        reason_code=reason_code,
        reason=reason[:600],
        message=message,
        target=target if target is not None else getattr(message, "author", None),
        minutes=minutes,
        pending_since=pending_since,
        appeal=appeal,
    )
    debate_id = debate.pk
    transaction.on_commit(lambda: events.queue_changed(debate_id))
    notify.action_told(action)
    return action
