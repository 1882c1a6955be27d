"""Mocking praise: "bravo le génie 🤡", "great job, Einstein 🙄".

Words of praise next to a clown, an eye roll or a middle finger say the opposite of what they
say, and the person they aim at hears the mockery. The emoji alone ("encore de la pluie 🙄")
or the praise alone ("bravo pour l'organisation") is fine.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from ..pipeline import MessageContext, Verdict
from .context import plain
from .nudges import decision_param, verdict

NAME = "sarcasm"
DEFAULTS = {"decision": "nudge"}

_MOCKING = ("\U0001f921", "\U0001f644", "\U0001f595", "\U0001f4a9")  # clown, eye roll, middle finger, poo
_PRAISE_RE = re.compile(
    r" (bravo|genie|genius|merci|bien joue|talent|super|trop fort|champion|champions|einstein|nobel|artiste"
    r"|je sais tout|brillant|brillante|brilliant|well done|great job|nice one|smart|clever|thanks|bravo"
    r"|intelligent|intelligente|malin|maligne|doue|douee|fute|futee) "
)


def sarcasm(context: MessageContext, params: Mapping[str, Any]) -> Verdict | None:
    body = context.body
    if not any(emoji in body for emoji in _MOCKING) or not _PRAISE_RE.search(plain(body)):
        return None
    return verdict(
        context,
        decision_param(params, "decision"),
        rule=NAME,
        code="SARCASM",
        explanation=lambda: _(
            "Praise with a mocking emoji reads as sarcasm, and the person it aims at hears the mockery. "
            "Say plainly what you disagree with."
        ),
        suggestion=lambda: _("I disagree with [...], because [...]."),
    )
