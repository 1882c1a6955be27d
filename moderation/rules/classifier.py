"""A pluggable classifier step: a hosted or local model scores the message.

Off by default: the step does nothing until the setting ``MODERATION_CLASSIFIER`` names a class
(dotted path). The class is built once per process, without arguments, and its
``score(text, lang)`` returns how likely the text breaks the charter, from 0 to 1; ``lang`` is
the message's language ("fr" or "en") or "" when the detector is not sure. A score from
``nudge_above`` gets a nudge, from ``hold_above`` a hold. A classifier that fails or answers
something else than a number lets the message through (and logs why): the rules still run, and
a room must not stop because a model is down.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from ..pipeline import Decision, MessageContext, Verdict
from .language import languages_of
from .nudges import i_statement, verdict

NAME = "classifier"
DEFAULTS = {"nudge_above": 0.5, "hold_above": 0.9}
logger = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def _instance(path: str):
    return import_string(path)()


def current():
    """The configured classifier, or None while ``MODERATION_CLASSIFIER`` is empty."""
    path = getattr(settings, "MODERATION_CLASSIFIER", "")
    return _instance(path) if path else None


def classifier(context: MessageContext, params: Mapping[str, Any]) -> Verdict | None:
    model = current()
    if model is None:
        return None
    languages = languages_of(context.body)
    lang = next(iter(languages)) if len(languages) == 1 else ""
    try:
        score = float(model.score(context.body, lang))
    except Exception:  # a model's failure must never stop a room
        logger.exception("The moderation classifier failed; the message goes on without it.")
        return None
    if score >= params["hold_above"]:
        decision = Decision.HOLD
    elif score >= params["nudge_above"]:
        decision = Decision.NUDGE
    else:
        return None
    return verdict(
        context,
        decision,
        rule=NAME,
        code="CLASSIFIER",
        explanation=lambda: (
            _("An automatic check finds that your message may hurt other participants. A facilitator will review it.")
            if decision is Decision.HOLD
            else _("An automatic check finds that your message may hurt other participants. You can rephrase it.")
        ),
        suggestion=i_statement,
    )
