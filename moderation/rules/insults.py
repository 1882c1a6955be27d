"""Insults and slurs, found with the lexicon (see :mod:`.lexicon`), in the message and in its
reformulation.

The lexicon that applies is the one of the language the message is written in (see
:mod:`.language`), not the author's interface language. Slurs and insults are held for a
facilitator; coarse words get a nudge. A word with an ordinary sense too (``senses.tsv``: a
mongrel dog, a mouse trap, a mooring bollard) is held only when it is aimed at a person; written
as a name, quoted from someone else, denied ("tu n'es pas un imbécile") or next to a word of its
ordinary sense, it passes; otherwise the author gets a nudge that says why. A coarse word aimed
at a person is an insult.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from ..pipeline import Decision, MessageContext, Verdict
from .context import NEGATED, PERSON, denied, names, screened, target, vocative
from .language import languages_of
from .lexicon import INSULT, LEXICON, SENSES, SEVERITY, SLUR, VULGAR, Entry, term_key
from .normalise import as_written, plain_words
from .nudges import decision_param, i_statement, verdict

NAME = "insults"
# The decision for each category of the lexicon, and for a word with an ordinary sense too
# that is not aimed at anyone.
DEFAULTS = {SLUR: "hold", INSULT: "hold", VULGAR: "nudge", "ambiguous": "nudge"}
CODES = {SLUR: "SLUR", INSULT: "INSULT", VULGAR: "VULGAR"}
AMBIGUOUS = "ambiguous"


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
    if category == AMBIGUOUS:
        return _(
            "“%(term)s” is an insult in one of its senses, and readers may take it that way. If you mean "
            "it in another sense, you can send your message as it is."
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


def judge(text: str, languages) -> list[tuple[str, Entry]]:
    """``(category, entry)`` for each listed word of ``text`` that counts, where category is
    the lexicon's, or :data:`AMBIGUOUS` for a word of two senses aimed at nobody."""
    text = screened(text)
    found = LEXICON.find_at(text, languages)
    if not found:
        return []
    words = plain_words(text)
    capitalised, titled = names(text)
    judged = []
    for entry, index in found:
        word = words[index] if index < len(words) else ""
        key = term_key(entry.term)
        if word in titled or (len(key) > 1 and sum(w in capitalised for w in key) > 1):
            continue  # "Monsieur Connard", "Trou-du-Cul-du-Monde": names
        cues = SENSES.get(key)
        if cues is None and entry.category != VULGAR:
            judged.append((entry.category, entry))
            continue
        if cues is not None and (word in capitalised or not cues.isdisjoint(words)):
            continue
        # A coarse word aimed at a person is an insult.
        aimed = target(words, index, capitalised, demonstrative=cues is not None and entry.category != VULGAR)
        if cues is not None and entry.category != VULGAR and word == vocative(text):
            aimed = PERSON  # "Va te faire voir, abruti."
        if aimed == PERSON:
            judged.append((INSULT if entry.category == VULGAR else entry.category, entry))
        elif cues is None or entry.category == VULGAR:
            judged.append((entry.category, entry))
        elif aimed != NEGATED and not denied(text):
            judged.append((AMBIGUOUS, entry))
    return judged


def insults(context: MessageContext, params: Mapping[str, Any]) -> Verdict | None:
    found = judge(context.body, languages_of(context.body))
    if context.reformulation:
        found += judge(context.reformulation, languages_of(context.reformulation))
    if not found:
        return None
    # The strongest decision wins; between equals, the most severe category explains it.
    category, entry = max(found, key=lambda f: (decision_param(params, f[0]), SEVERITY.get(f[0], 0)))
    decision = decision_param(params, category)
    if decision is Decision.ALLOW:
        return None
    return verdict(
        context,
        decision,
        rule=NAME,
        code=CODES.get(category, "AMBIGUOUS_WORD"),
        explanation=lambda: _explanation(category, _shown(context, entry)),
        suggestion=i_statement,
    )
