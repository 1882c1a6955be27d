"""Insults and slurs, found with the lexicon (see :mod:`.lexicon`), in the message and in its
reformulation. Slurs and insults are held for a facilitator; coarse words get a nudge."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from ..pipeline import MessageContext, Verdict
from .lexicon import INSULT, LEXICON, SEVERITY, SLUR, VULGAR, Entry
from .normalise import as_written
from .nudges import decision_param, i_statement, verdict

NAME = "insults"
# The decision for each category of the lexicon.
DEFAULTS = {SLUR: "hold", INSULT: "hold", VULGAR: "nudge"}
CODES = {SLUR: "SLUR", INSULT: "INSULT", VULGAR: "VULGAR"}


def _explanation(category: str, term: str) -> str:
    if category == SLUR:
        return _(
            "Your message contains “%(term)s”, a word that demeans people for who they are. "
            "A facilitator will review it before it is published."
        ) % {"term": term}
    if category == INSULT:
        return _(
            "Your message contains “%(term)s”, an insult. A facilitator will review it before it is published."
        ) % {"term": term}
    return _("The word “%(term)s” may hurt or put off other participants.") % {"term": term}


def _shown(context: MessageContext, entry: Entry) -> str:
    """The listed word as the author wrote it, else as the lexicon spells it."""
    if " " in entry.term:
        return entry.term
    for text in (context.body, context.reformulation):
        written = as_written(text, lambda forms: LEXICON.entry_for(forms) is entry)
        if written:
            return written
    return entry.term


def insults(context: MessageContext, params: Mapping[str, Any]) -> Verdict | None:
    found = LEXICON.find(context.body, context.language)
    if context.reformulation:
        found += LEXICON.find(context.reformulation, context.language)
    if not found:
        return None
    # The strongest decision wins; between equals, the most severe category explains it.
    entry = max(found, key=lambda e: (decision_param(params, e.category), SEVERITY[e.category]))
    decision = decision_param(params, entry.category)
    return verdict(
        context,
        decision,
        rule=NAME,
        code=CODES[entry.category],
        explanation=lambda: _explanation(entry.category, _shown(context, entry)),
        suggestion=i_statement,
    )
