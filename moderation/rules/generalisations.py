"""Generalisations about a group: "les X sont tous des voleurs", "immigrants are all criminals",
"les vieux ne comprennent rien".

A group (« les jeunes », « les immigrés », a capitalised plural such as « les Parisiens ») as
the subject of a judgement word or of a sweeping verb phrase ("ne respectent rien", "contrôlent
tout"). Praise ("les bénévoles sont tous formidables"), negations ("les jeunes ne sont pas tous
des délinquants") and denials ("arrêtons de dire que...") do not match.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from ..pipeline import MessageContext, Verdict
from .attacks import JUDGEMENTS
from .context import FILLERS, denied, names, plain, word_set
from .nudges import decision_param, verdict
from .people import GROUPS, words_of

NAME = "generalisations"
DEFAULTS = {"decision": "nudge"}

_GROUP_WORDS = words_of("""pareils pareilles memes danger dangers malades criminels criminals extremists terrorists""")
_SWEEPING_RE = re.compile(
    r"^ ?(ne|n) (respectent|comprennent|savent|font|foutent|pensent) (rien|pas|jamais|que)"
    r"|^ ?(profitent|volent|controlent|envahissent|pourrissent|detruisent|salissent|ruinent|abusent|trichent)"
    r"|^ ?(never|don t|can t) (respect|understand|work|drive|pay)|^ ?(steal|ruin|control|abuse|take over)"
    r"|^ ?(are )?(all )?(ruining|destroying|taking over|stealing|invading|scrounging)"
    r"|^ ?n ont (aucun|aucune|pas de|jamais de) (respect|education|savoir vivre|morale|honneur|gratitude)"
    r"|^ ?(ramenent|apportent|amenent|causent|provoquent|creent|bring|cause) (la |le |les |de la |du |des )?"
    r"(delinquance|drogue|violence|insecurite|bordel|maladies|crime|crimes|problemes|misere|trouble)"
)
# "les Parisiens", "des Roumains": a capitalised plural after an article names a group.
_NAMED_GROUP_RE = re.compile(r"\b(?:[Ll]es|[Dd]es|[Tt]hese|[Aa]ll) [A-ZÀ-Þ]\w*[sx]\b")
_COPULAS = words_of("""sont etaient are were""")
_NEGATIONS = words_of("""n ne pas jamais not never aren""")


def find_generalisation(text: str) -> str | None:
    """The group judged as a whole in ``text``, or None."""
    if (GROUPS.isdisjoint(word_set(text)) and not _NAMED_GROUP_RE.search(text)) or denied(text):
        return None
    capitalised, _titled = names(text)
    words = plain(text).split()
    for i, word in enumerate(words):
        group = word in GROUPS or (
            word in capitalised and word.endswith(("s", "x")) and i and words[i - 1] in ("les", "des")
        )
        if not group:
            continue
        previous = words[max(0, i - 2) : i]
        english = not previous or previous[-1] in ("all", "these", "those", "most")
        if not (english or "les" in previous):
            continue
        # After the group, its complement ("du quartier", "d'aujourd'hui") up to a verb.
        for k in range(i + 1, min(i + 6, len(words))):
            rest = " ".join(words[k : k + 4])
            if _SWEEPING_RE.search(rest):
                return word
            if words[k] in _COPULAS:
                for following in words[k + 1 : k + 6]:
                    if following in _NEGATIONS:
                        break
                    if following in JUDGEMENTS or following in _GROUP_WORDS:
                        return word
                    if following not in FILLERS:
                        break
                break
    return None


def generalisations(context: MessageContext, params: Mapping[str, Any]) -> Verdict | None:
    group = find_generalisation(context.body)
    if group is None:
        return None
    return verdict(
        context,
        decision_param(params, "decision"),
        rule=NAME,
        code="GENERALISATION",
        explanation=lambda: _(
            "Your message judges a whole group of people at once. Speak of the facts or the people concerned: "
            "members of that group are reading this debate too."
        ),
        suggestion=lambda: _("When [what happened, where, when], I felt [...]. I would like [...]."),
    )
