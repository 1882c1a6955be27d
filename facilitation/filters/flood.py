"""Flood: the same text again, or too many messages in a short window."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from django.utils.translation import gettext as _

from ..pipeline import MessageContext, Verdict
from .normalise import fold, plain_words
from .nudges import decision_param, verdict

NAME = "flood"
DEFAULTS = {
    "duplicate": "reject",
    "duplicate_seconds": 3600,
    # "Merci", "+1", "d'accord" may well be said twice: shorter texts are never duplicates.
    "duplicate_min_chars": 12,
    "max_messages": 5,
    "window_seconds": 60,
    "burst": "reject",
}


def same_text_key(body: str) -> str:
    """Two messages are "the same text" when their words are, whatever the case, accents,
    spacing and punctuation."""
    return " ".join(plain_words(body)) or fold(body).strip()


def flood(context: MessageContext, params: Mapping[str, Any]) -> Verdict | None:
    now = context.now or datetime.now(UTC)
    window = params["window_seconds"]
    limit = params["max_messages"]
    times = context.recent_times
    if limit > 0 and len(times) >= limit:
        # recent_times is newest first: the limit-th newest message decides when posting reopens.
        elapsed = (now - times[limit - 1]).total_seconds()
        if elapsed < window:
            return verdict(
                context,
                decision_param(params, "burst"),
                rule=NAME,
                code="FLOOD",
                explanation=lambda: (
                    _(
                        "You have sent %(count)d messages in less than %(seconds)d seconds. "
                        "Take a moment so that others can answer."
                    )
                    % {"count": limit, "seconds": window}
                ),
                retry_after=max(1, math.ceil(window - elapsed)),
            )
    key = same_text_key(context.body) if context.recent_bodies else ""
    if len(key) >= params["duplicate_min_chars"]:
        horizon = params["duplicate_seconds"]
        for index, body in enumerate(context.recent_bodies):
            if index < len(times) and (now - times[index]).total_seconds() > horizon:
                break
            if same_text_key(body) == key:
                return verdict(
                    context,
                    decision_param(params, "duplicate"),
                    rule=NAME,
                    code="DUPLICATE",
                    explanation=lambda: _(
                        "You have already sent this message. Repeating it will not make it heard better."
                    ),
                )
    return None
