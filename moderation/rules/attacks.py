"""Personal attacks: "tu es nul", "vous êtes des menteurs", "espèce d'idiot", "you are pathetic".

A judgement of a person ("you are...") closes a discussion; the same disagreement said as an
I-statement ("when I read..., I feel..., I need...") keeps it open. The rule looks for an opening
that addresses someone, at most a few filler words, then a judgement word. Negations ("tu n'es
pas nul", "you are not stupid") do not match: "pas" and "not" are not fillers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from ..pipeline import MessageContext, Verdict
from .context import denied, plain, screened, word_set
from .normalise import as_written, readings
from .nudges import decision_param, i_statement, verdict
from .people import words_of

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
    fucking all being tous toutes"""
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
    incapable faineant feignant escroc arnaqueur charlatan peste profiteur corrompu vendu tyran dictateur
    marionnette pourri cassos delinquant integriste paresseux ivrogne brute rapace lourd lourde
    criminal extremist terrorist selfish lazy scrounger parasite casseur racaille voyou barbare sauvage vermine
    envahisseur hysterique assiste feignasse dealer trafiquant criminel bruyant violent agressif pantin
    planque copieur mouton magouilleur
    corrupt bent shameless spineless bon-a-rien reckless dangerous thug animal vermin scum
"""
# Feminine and plural forms: "nulle", "nuls", "idiotes", "liars".
JUDGEMENTS = frozenset(stem + ending for stem in _JUDGEMENT_WORDS.split() for ending in ("", "s", "e", "es", "x"))
_FIRST_WORDS = frozenset(opening[0] for opening in _OPENINGS)
_YOU = words_of("""tu t vous you""")
# Judgements that, followed by "de" or "about", say a passion: "fou de joie", "crazy about".
_PASSIONS = words_of("""fou folle fous folles dingue dingues crazy mad nuts insane malade""")
# Dismissals of the person one answers, without a judgement word: "tu racontes n'importe quoi".
_DISMISSALS_RE = re.compile(
    r" (tu|vous) (racontes|racontez|dis|dites) (toujours |encore |que |juste )*"
    r"(n importe quoi|des betises|des conneries)"
    r"| (tu|vous) (ne|n) (comprends|comprenez|sers|servez|connais|connaissez) (jamais |absolument )?(rien|a rien)"
    r"| (tu|vous) (n as|n avez) (aucun|pas de) (cerveau|neurone|neurones)"
    r"| (tu|vous) (n as|n avez) (rien|jamais rien) (compris|capte|pige)"
    r"| (t as|tu as|tu n as|vous avez|vous n avez) rien dans (le crane|la tete|le cerveau|le ciboulot)"
    r"| (tu|vous) (parles|parlez) sans (savoir|rien savoir|connaitre|reflechir)"
    r"| (tu ne sais|tu sais|vous ne savez|vous savez) (meme )?pas de quoi (tu parles|vous parlez)"
    r"| you (don t|never) (know|understand) (anything|a thing)| you have no (brain|clue)"
    r"| you (always |just |only )?(talk|spout|write) (rubbish|nonsense|crap|shit|bollocks)"
    r"| (t es|tu es|vous etes) (completement |totalement |encore |toujours )?"
    r"(a cote de la plaque|a l ouest|a la ramasse)"
)


def find_attack(text: str) -> str | None:
    """The judgement word of the first personal attack in ``text``, or ``None``."""
    found = _find_attack(text)
    return None if found is None or denied(text) else found


def _find_attack(text: str) -> str | None:
    dismissal = None if _YOU.isdisjoint(word_set(text)) else _DISMISSALS_RE.search(plain(text))
    if dismissal:
        return dismissal.group().strip()
    found_in = readings(screened(text))
    written = [forms[0] for forms in found_in]
    count = len(written)
    for i, word in enumerate(written):
        if word not in _FIRST_WORDS:
            continue
        for opening, fillers in _OPENINGS.items():
            end = i + len(opening)
            if tuple(written[i:end]) != opening:
                continue
            for j in range(end, min(end + fillers + 1, count)):
                if written[j] in _PASSIONS and j + 1 < count and written[j + 1] in ("de", "d", "about", "for", "of"):
                    break  # "tu es fou de joie", "you're crazy about football"
                if not JUDGEMENTS.isdisjoint(found_in[j]):
                    return written[j]
                if written[j] not in _FILLERS:
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
