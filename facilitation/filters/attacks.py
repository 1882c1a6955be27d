"""Personal attacks: "tu es nul", "vous êtes des menteurs", "espèce d'idiot", "you are pathetic".

A judgement of a person ("you are...") closes a discussion; the same disagreement said as an
I-statement ("when I read..., I feel..., I need...") keeps it open. The rule looks for an opening
that addresses someone, at most a few filler words, then a judgement word. Negations ("tu n'es
pas nul", "you are not stupid") do not match: "pas" and "not" are not fillers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from ..pipeline import MessageContext, Verdict
from .normalise import as_written, readings
from .nudges import decision_param, i_statement, verdict

NAME = "attacks"
DEFAULTS = {"decision": "nudge"}

# Openings that address the other person, and how many filler words may follow them.
_OPENINGS: dict[tuple[str, ...], int] = {
    ("tu", "es"): 3,
    ("t", "es"): 3,
    ("t", "est"): 3,
    ("tes",): 3,
    ("vous", "etes"): 3,
    ("tu", "n", "es", "qu"): 3,
    ("t", "es", "qu"): 3,
    ("vous", "n", "etes", "que"): 3,
    ("vous", "n", "etes", "qu"): 3,
    ("espece", "de"): 2,
    ("espece", "d"): 2,
    ("bande", "de"): 1,
    ("bande", "d"): 1,
    ("you", "are"): 3,
    ("you", "re"): 3,
    ("youre",): 3,
    ("ur",): 2,
    ("u", "r"): 2,
    ("you",): 0,
}
_FILLER_WORDS = """un une des d qu que vraiment trop tellement completement totalement super grand grande gros
    grosse pauvre pauvres sacre sacree vieux vieille petit petite bien si juste rien franchement
    a an such so really totally completely just truly utterly absolutely complete total real bloody
    fucking all being"""
_FILLERS = frozenset(_FILLER_WORDS.split())
_JUDGEMENT_WORDS = """
    nul idiot bete stupide con incompetent ridicule minable pathetique menteur menteuse hypocrite
    malhonnete ignorant debile cretin imbecile abruti lache egoiste irresponsable fou folle
    tare inutile nuisible bouffon clown guignol naze nase mauvais pitoyable neuneu demeure attarde
    rate parasite escroc voleur voleuse manipulateur manipulatrice raciste fasciste facho arrogant
    mechant insupportable odieux odieuse lamentable borne aigri aigrie
    stupid idiotic dumb useless pathetic liar incompetent clueless crazy insane selfish lazy
    moron loser joke worthless dishonest fool foolish disgrace disgusting evil racist fascist
    failure coward delusional brainless nuts fraud crook thief hopeless ridiculous ignorant
"""
# Feminine and plural forms: "nulle", "nuls", "idiotes", "liars".
JUDGEMENTS = frozenset(stem + ending for stem in _JUDGEMENT_WORDS.split() for ending in ("", "s", "e", "es", "x"))
_FIRST_WORDS = frozenset(opening[0] for opening in _OPENINGS)


def find_attack(text: str) -> str | None:
    """The judgement word of the first personal attack in ``text``, or ``None``."""
    found_in = readings(text)
    plain = [forms[0] for forms in found_in]
    count = len(plain)
    for i, word in enumerate(plain):
        if word not in _FIRST_WORDS:
            continue
        for opening, fillers in _OPENINGS.items():
            end = i + len(opening)
            if tuple(plain[i:end]) != opening:
                continue
            for j in range(end, min(end + fillers + 1, count)):
                if not JUDGEMENTS.isdisjoint(found_in[j]):
                    return plain[j]
                if plain[j] not in _FILLERS:
                    break
    return None


def attacks(context: MessageContext, params: Mapping[str, Any]) -> Verdict | None:
    word = find_attack(context.body)
    if word is None:
        return None
    return verdict(
        context,
        decision_param(params, "decision"),
        rule=NAME,
        code="PERSONAL_ATTACK",
        explanation=lambda: (
            _(
                "“%(word)s” judges the person rather than what they said or did. "
                "Speaking about what you observe and what you feel keeps the discussion open."
            )
            % {"word": as_written(context.body, lambda forms: word in forms) or word}
        ),
        suggestion=i_statement,
    )
