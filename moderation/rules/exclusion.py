"""Exclusion: telling people they do not belong. "Les gens comme toi, on devrait les virer du
quartier", "retourne dans ton pays", "you don't belong here".

Moving things is ordinary ("on devrait virer le vieux frigo", "dégager l'entrée de l'école"):
the patterns need people as the object, either a pronoun before the verb ("les virer") or a
group ("chasser les Roms"). Negations and denials do not match.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from ..pipeline import MessageContext, Verdict
from .context import added_phrase, denied, names, plain, word_set
from .nudges import decision_param, verdict
from .people import GROUPS, words_of

NAME = "exclusion"
DEFAULTS = {"decision": "nudge", "phrases": []}

_VERBS = r"(virer|expulser|degager|chasser|bannir|jeter|sortir|eradiquer|renvoyer|interdire)"
_EXCLUSIONS = [
    r" (gens|personnes|types) comme (toi|vous|lui|elle|eux|ca|ces)",
    r" people like (you|him|her|them|that|these)",
    r" (retourne|retournez|rentre|rentrez|repars|repartez) (dans (ton|ta|tes|votre|vos|leur|son|sa) "
    r"(pays|cite|bled|quartier|ghetto|banlieue|jungle|trou|tribu|caravane|campement|foyer|hlm|village)"
    r"|chez toi|chez vous|chez eux|au bled|d ou tu viens|d ou vous venez)",
    r" qu (ils|elles|il|elle) (retournent|rentrent|repartent|retourne|rentre|degagent|degage)",
    r" go back (to|where|home)",
    r" (don t|do not|doesn t) belong| your kind ",
    r" (you|your|you re|you are|they|they re|they are|people) (\w+ )?(isn t|aren t|are not|is not|not) welcome here",
    r" n (ont|a|as|avez) (rien a faire (ici|dans|chez|la|parmi|avec nous)|pas leur place|pas ta place|pas sa place"
    r"|pas votre place)",
    r" dehors (les|ces) | (les|ces) \w+ dehors ",
    r" degage(z)? (du|de|d|d ici) "
    r"|^ degage(z)? (?!(le|la|les|l|ce|cette|ces|ton|ta|tes|un|une|des|votre|vos) )",
    r" personne ne veut (de toi|de vous|d eux)",
    r" (on n en veut|on en veut|n en voulons|en voulons) (pas|plus) (ici|chez nous|dans)",
    r" (veut|veux|voulons|voulez) pas de (toi|vous|eux|ces gens|gens comme)",
    r" (n ont|n a|n as|n avez) qu a (rentrer|retourner|repartir|partir|degager)",
    r" (besoin|veut|voulons) (pas )?de (gens|personnes) comme",
    r" (es|etes|est|sont) pas d ici ",
    r" interdits? (de|d) (reunion|quartier|parc|debat|entree|sejour)",
    r" (kicked|thrown|driven) out",
    r" should be (banned|kicked|deported|expelled)",
]
_EXCLUSIONS_RE = re.compile("|".join(f"(?:{pattern})" for pattern in _EXCLUSIONS))
# People as the object of a verb of expulsion: "les virer", "chasser les Roms" (not "virer le frigo").
_PRONOUN_VERB_RE = re.compile(rf" (les|l|le|la) {_VERBS} ")
_VERB_GROUP_RE = re.compile(rf" {_VERBS} (les|ces|tous les|tous ces|toutes ces|toutes les) (\w+)")
_NEGATIONS = words_of("""ne n pas jamais personne not never""")
# Every pattern needs one of these words: without them, no regex runs.
_KEYWORDS = words_of(
    """gens personnes types people retourne retournez rentre rentrez repars repartez retournent rentrent
    repartent retourne degagent degage degagez go belong rien place dehors veut voulons besoin ici
    interdit interdits kind welcome veux voulez voulons rentrer retourner repartir partir
    kicked thrown driven banned deported expelled virer expulser degager chasser
    bannir jeter sortir eradiquer renvoyer interdire"""
)


# Group words that are adjectives too: "virer ces vieux meubles" names furniture.
_ADJECTIVES = words_of("""vieux jeunes pauvres riches noirs blancs petits""")
_AFTER_GROUP = words_of("""du de des d qui ici la dehors""")


def _names_people(match: re.Match, words: str, capitalised: frozenset[str]) -> bool:
    group = match.group(3)
    if group in capitalised:
        return True
    if group not in GROUPS:
        return False
    following = words[match.end() :].split()[:1]
    return group not in _ADJECTIVES or not following or following[0] in _AFTER_GROUP


def find_exclusion(text: str, phrases=()) -> str | None:
    """The excluding phrase of ``text``, or None."""
    if (_KEYWORDS.isdisjoint(word_set(text)) and not phrases) or denied(text):
        return None
    words = plain(text)
    found = _EXCLUSIONS_RE.search(words)
    if found is not None:
        return found.group().strip()
    capitalised, _titled = names(text)
    candidates = [*_PRONOUN_VERB_RE.finditer(words)]
    candidates += [m for m in _VERB_GROUP_RE.finditer(words) if _names_people(m, words, capitalised)]
    for match in candidates:
        if _NEGATIONS.isdisjoint(words[: match.start()].split()[-3:]):
            return match.group().strip()
    return added_phrase(text, phrases)


def exclusion(context: MessageContext, params: Mapping[str, Any]) -> Verdict | None:
    phrase = find_exclusion(context.body, params["phrases"])
    if phrase is None:
        return None
    return verdict(
        context,
        decision_param(params, "decision"),
        rule=NAME,
        code="EXCLUSION",
        explanation=lambda: _(
            "Your message tells people that they do not belong here. Everyone may take part in this debate; "
            "say what bothers you and what you would like to change."
        ),
        suggestion=lambda: _("When [what happens], I feel [...]. I would like us to [...]."),
    )
