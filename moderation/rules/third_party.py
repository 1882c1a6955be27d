"""Attacks on a third person or an official: "le maire est un menteur et un escroc", "my
neighbour is a crook", "le maire ment comme il respire".

Criticising a decision is the heart of a city debate; judging the person who took it is not.
The rule looks for a person (a role such as « maire » or « voisin », a pronoun, a capitalised
name) as the subject of "est / sont / is / are", then, after at most a few filler words, a
judgement word. Negations ("le maire n'est pas un menteur") and denials ("arrêtons de dire
que...") do not match. The nudge asks to speak about what the person did.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from ..pipeline import MessageContext, Verdict
from .attacks import _PASSIONS, JUDGEMENTS
from .context import FILLERS, denied, names, plain, word_set
from .normalise import plain_words
from .nudges import decision_param, i_statement, verdict
from .people import OFFICIALS, PERSONS, PRONOUNS, words_of

NAME = "third_party"
DEFAULTS = {"decision": "nudge"}

_COPULAS = words_of("""est sont etait etaient is are was were""")
_NOT_SUBJECTS = words_of(
    """ce cette cet ces le la les l un une des il elle on c ca cela this that the it a an there here what"""
)
_NEGATIONS = words_of("""n ne pas jamais plus not never isn aren wasn""")
# Nouns that only ever name a person: "le boulanger est un escroc" whoever the subject is.
_PERSON_ONLY = frozenset(
    stem + ending
    for stem in words_of(
        """menteur menteuse escroc voleur voleuse hypocrite manipulateur manipulatrice charlatan arnaqueur
        arnaqueuse incapable faineant faineante feignant profiteur profiteuse parasite tyran dictateur minable
        lache raciste fasciste facho incompetent incompetente liar crook fraud thief coward loser racist
        fascist"""
    )
    for ending in ("", "s")
)
_RESPIRE = words_of("""respire respirent breathe breathes fout foutent moque moquent rien mental mentale mentaux""")
# Judgements said as a phrase: "le maire ment comme il respire", "se fout de notre gueule", "un bon à rien".
_PHRASES_RE = re.compile(
    r" (ment|mentent|lies) (comme|like) (il|elle|ils|elles|he|she|they) (respire|respirent|breathes?) "
    r"| (se fout|se foutent|se moque|se moquent) (de notre gueule|de nos gueules|de nous|de la gueule du monde)"
    r"| (est|sont|c est|ce sont) (un|une|des) (bon|bons|bonne|bonnes) a rien "
    r"| (un|une|des) (malade|malades) (mental|mentale|mentaux|mentales) "
)


def find_judgement(text: str) -> tuple[str, str] | None:
    """``(judgement word, subject word)`` of the first judgement of a third person, or None."""
    present = word_set(text)
    if JUDGEMENTS.isdisjoint(present) and _RESPIRE.isdisjoint(present):
        return None
    if denied(text):
        return None
    phrase = _PHRASES_RE.search(plain(text))
    words = plain(text).split()
    if phrase:
        subject = next((w for w in reversed(words[: words.index(phrase.group().split()[0])]) if w in PERSONS), "")
        return phrase.group().strip(), subject
    _capitalised, _titled = names(text)
    capitalised = {w for w in _capitalised if w not in _NOT_SUBJECTS}
    initial = plain_words(text)[:1]
    for k, word in enumerate(words):
        if word not in _COPULAS or k == 0:
            continue
        before = words[max(0, k - 5) : k]
        if not _NEGATIONS.isdisjoint(before[-2:]):
            continue
        subject = next(
            (w for w in reversed(before) if w in PERSONS or w in PRONOUNS or w in capitalised),
            None,
        )
        if subject is None and before and before[-1] in initial and before[-1] not in _NOT_SUBJECTS:
            # A name opening the message: "Kevin est un manipulateur".
            subject = before[-1] if text[:1].isupper() and len(before) == 1 else None
        if subject is None and words[k + 1 : k + 2] in (["un"], ["une"], ["des"], ["a"], ["an"]):
            # "Le boulanger est un escroc": nouns that only ever name a person, whoever the subject.
            following = next((w for w in words[k + 2 : k + 5] if w not in FILLERS), "")
            if following in _PERSON_ONLY:
                subject = before[-1] if before else ""
        if subject is None:
            continue
        for following in words[k + 1 : k + 6]:
            if following in _NEGATIONS:
                break
            if following in _PASSIONS and words[words.index(following, k) + 1 : words.index(following, k) + 2] in (
                ["de"],
                ["d"],
                ["about"],
            ):
                break  # "elle est folle de son jardin"
            if following in JUDGEMENTS:
                return following, subject
            if following not in FILLERS and following not in ("et", "and"):
                break
    return None


def third_party(context: MessageContext, params: Mapping[str, Any]) -> Verdict | None:
    found = find_judgement(context.body)
    if found is None:
        return None
    word, subject = found
    official = subject in OFFICIALS
    return verdict(
        context,
        decision_param(params, "decision"),
        rule=NAME,
        code="ATTACK_OFFICIAL" if official else "ATTACK_THIRD",
        explanation=lambda: (
            (
                _(
                    "“%(word)s” judges the person, not what they decided. Criticise the decision or the act: "
                    "what was done, what it changes for you, what you ask of them."
                )
                if official
                else _(
                    "“%(word)s” judges someone who is not here to answer. Say what they did and how it affects you, "
                    "rather than what they are."
                )
            )
            % {"word": word}
        ),
        suggestion=i_statement,
    )
