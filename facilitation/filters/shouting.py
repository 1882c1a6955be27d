"""Shouting: a message mostly in capital letters reads as raising one's voice."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from ..pipeline import MessageContext, Verdict
from .nudges import decision_param, verdict

NAME = "shouting"
DEFAULTS = {"min_letters": 12, "ratio": 0.7, "decision": "nudge"}

# Latin letters of French and English, with their accented forms; counted by the regex engine.
_UPPER_RE = re.compile(r"[A-ZÀ-ÖØ-ÞŒŸ]")
_LOWER_RE = re.compile(r"[a-zß-öø-ÿœ]")
_SENTENCE_START_RE = re.compile(r"(^|[.!?…]\s+)(\w)")


def sentence_case(text: str) -> str:
    """``"LA RUE EST SALE. ON FAIT QUOI ?"`` -> ``"La rue est sale. On fait quoi ?"``"""
    return _SENTENCE_START_RE.sub(lambda m: m.group(1) + m.group(2).upper(), text.lower())


def shouting(context: MessageContext, params: Mapping[str, Any]) -> Verdict | None:
    body = context.body
    if len(body) < params["min_letters"]:
        return None
    upper = len(_UPPER_RE.findall(body))
    if upper < params["min_letters"] * params["ratio"]:
        return None
    letters = upper + len(_LOWER_RE.findall(body))
    if letters < params["min_letters"] or upper < letters * params["ratio"]:
        return None
    return verdict(
        context,
        decision_param(params, "decision"),
        rule=NAME,
        code="SHOUTING",
        explanation=lambda: _(
            "Your message is mostly in capital letters, which reads as shouting. "
            "Others will hear you better in lower case."
        ),
        suggestion=lambda: _("This matters a lot to me: %(message)s") % {"message": sentence_case(body)},
    )
