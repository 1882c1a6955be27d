"""New participants: their first messages wait for a facilitator (none by default).

The number comes from the profile's ``new_participant_held`` unless the step sets ``count``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from ..pipeline import MessageContext, Verdict
from .nudges import decision_param, is_trusted, verdict

NAME = "newcomers"
# count None: take the profile's new_participant_held (see facilitation.filters.steps_for).
DEFAULTS = {"count": None, "decision": "hold"}


def newcomers(context: MessageContext, params: Mapping[str, Any]) -> Verdict | None:
    count = params["count"] or 0
    if context.published_count >= count or is_trusted(context):
        return None
    return verdict(
        context,
        decision_param(params, "decision"),
        rule=NAME,
        code="NEW_PARTICIPANT",
        explanation=lambda: _(
            "Welcome! In this debate, the first messages of a new participant are read by a facilitator "
            "before they are published."
        ),
    )
