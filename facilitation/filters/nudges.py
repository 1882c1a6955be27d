"""What every rule shares: decisions read from parameters, verdicts in the author's language,
and suggestions phrased as an I-statement.

Non-violent communication rephrases a reproach in four steps: what I observed, what I feel,
what I need, what I ask. A nudge offers that shape back to the author, in their language, with
the parts only they can fill in between brackets.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from ..pipeline import Decision, MessageContext, Verdict

LANGUAGES = ("fr", "en")
DECISIONS = {decision.code: decision for decision in Decision}


def decision_param(params: Mapping[str, Any], key: str) -> Decision:
    """``params[key]`` ("allow", "nudge", "hold" or "reject") as a :class:`Decision`."""
    return DECISIONS[params[key]]


def is_trusted(context: MessageContext) -> bool:
    """Facilitators (and participants the room marks as trusted) are not screened as newcomers."""
    return bool(context.participant.get("is_facilitator") or context.participant.get("trusted"))


def speaking(context: MessageContext) -> AbstractContextManager:
    """Translate into the author's language (French when it is not one the site speaks)."""
    return translation.override(context.language if context.language in LANGUAGES else LANGUAGES[0])


def verdict(
    context: MessageContext,
    decision: Decision,
    *,
    rule: str,
    code: str,
    explanation: Callable[[], str],
    suggestion: Callable[[], str] | None = None,
    retry_after: int | None = None,
) -> Verdict | None:
    """A verdict, or ``None`` when there is nothing to say.

    ``explanation`` and ``suggestion`` are called in the author's language, and only when there
    is a verdict. A nudge is advice: once the author has seen it and confirms
    (``context.confirm``), the message goes on, so a confirmed nudge is no verdict at all.
    Holds and rejections stand.
    """
    if decision is Decision.ALLOW or (decision is Decision.NUDGE and context.confirm):
        return None
    with speaking(context):
        return Verdict(decision, rule, code, explanation(), suggestion() if suggestion else "", retry_after)


def i_statement(*, observation: str = "", feeling: str = "", need: str = "", request: str = "") -> str:
    """The four steps in the active language; a missing step is left for the author to fill."""
    return _("When {observation}, I feel {feeling}, because I need {need}. {request}").format(
        observation=observation or _("[what I read or saw]"),
        feeling=feeling or _("[worried, annoyed, hurt…]"),
        need=need or _("[respect, clarity, to be heard…]"),
        request=request or _("Could you [what you would like the other person to do]?"),
    )
