"""Reformulation mode: before answering, say in your own words what you understood.

Only when the room asks for it (``room["reformulation_required"]``) and only for replies. A copy
of the original message is not a reformulation.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from ..pipeline import MessageContext, Verdict
from .flood import same_text_key
from .normalise import plain_words
from .nudges import decision_param, verdict

NAME = "reformulation"
DEFAULTS = {"min_words": 3, "decision": "reject"}


def reformulation(context: MessageContext, params: Mapping[str, Any]) -> Verdict | None:
    if context.reply_to_body is None or not context.room.get("reformulation_required"):
        return None
    given = context.reformulation.strip()
    if len(plain_words(given)) >= params["min_words"] and same_text_key(given) != same_text_key(context.reply_to_body):
        return None
    return verdict(
        context,
        decision_param(params, "decision"),
        rule=NAME,
        code="REFORMULATION_REQUIRED",
        explanation=lambda: (
            _(
                "In this debate, a reply starts by saying in your own words what you understood of the message "
                "you answer (at least %(count)d words, not a copy)."
            )
            % {"count": params["min_words"]}
        ),
        suggestion=lambda: _("If I understood you well, you think that [...]. Is that right?"),
    )
