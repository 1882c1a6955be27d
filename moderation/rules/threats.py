"""Threats and incitement to violence: always held for a facilitator.

"On sait où tu habites, fais gaffe", "je vais te casser la gueule", "il faudrait brûler la
mairie", "go kill yourself". A threat is a phrase, not a word: the patterns below read the
folded words of the message (quotations of someone else's words left out). Knowing someone's
address and a warning are each harmless alone ("je sais où tu habites, je passerai te déposer
les plants") and a threat together. A threat about a game ("je vais te tuer au Scrabble") is
a joke.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from ..pipeline import MessageContext, Verdict
from .context import added_phrase, denied, plain, word_set
from .nudges import decision_param, verdict
from .people import words_of

NAME = "threats"
# "phrases": more threatening phrases a facilitator adds, written as plain words.
DEFAULTS = {"decision": "hold", "phrases": []}

_PERSON = r"(te|t|vous|le|la|l|les|lui|leur)"
_VIOLENCE = (
    r"(tuer|buter|crever|defoncer|massacrer|egorger|cogner|frapper|tabasser|planter|lyncher|pendre|fusiller"
    r"|abattre|bruler|cramer|eclater|demolir|saigner|etrangler|detruire|ecraser|aneantir|niquer|fracasser|briser)"
)
_THREATS = [
    rf"(je|j|on|nous) (vais|va|vas|allons|veux|voudrais) (tous )?{_PERSON} {_VIOLENCE}",
    rf"(il faut|il faudrait|faut|faudrait|on devrait|quelqu un devrait|on doit) (tous )?({_PERSON} )?{_VIOLENCE}",
    r"(te|vous|lui|leur|t) "
    r"(casser|casse|peter|pete|exploser|explose|defoncer|defonce|eclater|refaire|briser|brise|arracher) "
    r"(la gueule|les dents|la tete|le crane|la face|la figure|les jambes|les bras|les genoux|les doigts)",
    r"faire la peau",
    r"(tu|vous) (vas|va|allez) (le regretter|regretter|le payer|payer|morfler|prendre cher|voir ce qui)",
    r"(tu es|t es|tu seras|vous etes) (mort|morts|un homme mort|une femme morte)",
    r"(je|on) (te|vous|le|la) retrouver(ai|a|ons)",
    r"(merite|meritent|merites|meritez|meriterais|meriterait|meriteraient) (une |un )?(bonne |petite )?"
    r"(balle|de mourir|de crever|la mort|correction|coups|des coups|raclee|lecon|baffe)",
    # "tu vas crever de froid" is said to a friend without a coat.
    r"^ (va|allez) (crever|mourir)(?! (de|d) )| (tu|vous|toi) (vas|allez|va) (crever|mourir)(?! (de|d) )",
    r"(te|vous|lui|le|la|les) faire regretter",
    r"^ (creve|crevez|meurs|mourez) ",
    r"(suicide|suicidez|pends|pendez|tue) (toi|vous)",
    r"(te|vous) (tirer|mettre) une balle",
    r"(mettre|foutre) le feu (a|au|aux|chez)",
    r"(bruler|cramer|incendier|bruler) (la|le|les|sa|son|ta|ton|tes|ses|vos|votre|leur|leurs) ",
    r"regler (son|ton|leur|votre) compte",
    r"(attends|attendez) (toi|vous) a (des|une|de) ",
    r"gare a (toi|vous)|represailles",
    r"(finir|finiras|finirez|finira|finiront) (a l hopital|au cimetiere|a la morgue|entre quatre planches)",
    r"(fais|faites|prends|prenez|fait) (gaffe|attention|garde) (a|au|aux) (ta|ton|tes|vos|votre|tes) ",
    r"(kill|hang|shoot|stab|hurt) (yourself|urself|yourselves)| kys ",
    r"(i ll|i will|i m going to|im going to|gonna|we ll|we will|we re going to) "
    r"(kill|hurt|smash|beat|stab|shoot|find|get|burn) (you|u|him|her|them|your)",
    r"(smash|kick|beat|punch) (your|his|her|their) (face|head|teeth)",
    r"(you ll|you will) (regret|pay for) (this|it)",
    r"deserves? (a bullet|to die|a beating)",
    r"(someone|somebody|we) should (burn|kill|hang|shoot|beat|torch)",
    r"watch your back|watch yourself|you re dead|you are dead",
    r"(te|lui|vous|leur) faire (ta|sa|votre|leur) fete",
    r"(ne perds|ne perdez|perds|perdez) rien pour attendre",
    r"(lui|te|leur|vous) apprendre a vivre|(finiras|finirez|finira|finiront) mal",
    # "tu vas pleurer de rire", "tu vas avoir mal aux jambes après la rando" are no threats.
    r"(tu|vous) (vas|allez) (souffrir|pleurer|saigner|avoir mal|le sentir passer|en baver|deguster|trinquer"
    r"|t en souvenir|vous en souvenir|t en mordre les doigts)(?! (de|d|au|aux|a|en) )",
    r"(ta famille|tes enfants|tes proches|ta femme|ton mari|your family|your kids) (va|vont|will) "
    r"(payer|souffrir|pay|suffer)",
    r"(you ll|you will|you re going to|you are going to) (pay|suffer|get hurt)(?! (for|at|by) (the|your|a) )",
    r"(something|somethin) bad (will|is going to|s going to) happen to (you|him|her)",
    r"(i ll|i will|i m going to|we ll|we will) (destroy|ruin|end|break|wreck) (you|him|her|them)",
    r"(tu|vous) (vas|allez) avoir (des problemes|des ennuis|affaire a moi|affaire a nous)",
    r"(te|vous|le|la|les) faire taire (pour de bon|definitivement|pour toujours)",
    r"j espere que (tu|vous) (vas|allez) (crever|mourir|te faire)"
    r"|j espere que (ta|ton|tes|votre|vos|sa|son|ses) \w+( \w+)? (va|vont) (bruler|cramer|exploser|bruler)",
    r"(te|vous|lui|leur) pourrir la vie",
    r"(lui|leur|te|vous) (mettre|foutre|coller|mets|mettrai) (une|des) "
    r"(raclee|correction|droite|beigne|baffe|baffes|claque|claques|patate|rouste)",
    r"(te|vous|lui|leur) faire (bouffer|avaler|manger) (ton|ta|tes|vos|votre|sa|son|ses|leur) ",
    r"(casser|bruler|saccager|cramer|tout casser) chez (toi|vous|lui)",
    r"(dire|redire|repeter) (ca )?en face si (t es|tu es|t as|tu as|vous etes)|si t es un homme",
    r"(make|makes) (you|him|her|them) (regret|pay)|teach (you|him|her|them) a lesson|baseball bat",
    r"(t|te|vous) (attendre|attends|attend|attendrai|attendra|attendons) a la sortie(?! (de|du|des|d) )",
    r"(surveille|surveiller|surveillez) (tes|vos|ses) arrieres",
    r"(prendre|prends|prenne|recevoir|recevras) (une balle|un coup de couteau|des coups|une raclee)",
]
_THREATS_RE = re.compile("|".join(f"(?:{pattern})" for pattern in _THREATS))
# Every pattern above and below needs one of these words: without them, no regex runs.
_KEYWORDS = words_of(
    """tuer buter crever defoncer massacrer egorger cogner frapper tabasser planter lyncher pendre fusiller
    abattre bruler cramer eclater demolir saigner etrangler casser peter exploser refaire peau regretter
    payer morfler prendre voir mort morts retrouverai retrouvera retrouverons merite meritent merites
    meritez mourir creve crevez meurs mourez suicide suicidez pends pendez tue balle feu incendier
    compte attends attendez gare represailles finir finiras finirez finira finiront gaffe attention
    garde kill hang shoot stab hurt kys smash beat find get burn kick punch regret pay deserve deserves
    torch watch dead sait sais savons savez connais connait connaissons know mefie mefiez careful
    make makes teach bat fete saccager face homme bouffer avaler
    perds perdez problemes ennuis affaire taire espere pourrir mettre foutre coller mets mettrai
    souffrir pleurer saigner mal sentir baver deguster trinquer souvenir mordre famille enfants proches suffer sorry
    hurt happen destroy ruin end break wreck detruire ecraser aneantir niquer fracasser travailles
    briser apprendre vivre mal chercher continues continuez continue
    regretter comprendre trouver retrouver
    attendre attends attend attendrai attendra attendons sortie chez arrieres recevoir recevras prenne
    casse pete explose defonce brise briser arracher meriterais meriterait meriteraient"""
)
# Harmless alone, a threat together.
_ADDRESS_RE = re.compile(
    r"(sait|sais|savons|savez|connais|connait|connaissons) (ou tu habites|ou vous habitez|ou il habite"
    r"|ou elle habite|ou tu vis|ton adresse|votre adresse|ou tu gares|ou tes enfants)"
    r"|(on|je|nous) (va|vais|allons|viendra|viendrai|viendrons) (venir|passer|debarquer) chez (toi|vous)"
    r"|(je|on|nous) (vais|va|allons) (te|vous) (retrouver|trouver)"
    r"|(sait|sais|connais|connait) ou (tu travailles|vont tes enfants|va ta fille|va ton fils|tu te gares)"
    r"|(je|on) (viens|vient|venons|vais venir|va venir) (te|vous) chercher"
    r"|know (where you live|your address|where your kids)"
)
_WARNING_RE = re.compile(
    r"(fais|faites) (gaffe|attention|tres attention)|(prends|prenez) garde|mefie toi|mefiez vous|tu vas voir"
    r"|tu vas comprendre|vous allez comprendre|si tu continues|si vous continuez|continue comme ca"
    r"|(on|je|nous) (va|vais|allons|viendra|viendrai|viendrons) (venir|passer) (te|vous)"
    r"|watch out|be careful|you ll see"
)
# A threat about a game is a joke: "je vais te tuer au Scrabble", "I'll kill you at chess".
_GAME_RE = re.compile(
    r" (au|aux|a la|at) (scrabble|belote|echecs|tarot|ping pong|tennis|petanque|cartes|monopoly|quiz|chess"
    r"|cards|poker|bowling|jeu|jeux|mario kart|uno|babyfoot|fifa)"
)


def find_threat(text: str, phrases=()) -> str | None:
    """The threatening phrase of ``text``, or ``None``."""
    if _KEYWORDS.isdisjoint(word_set(text)) and not phrases:
        return None
    words = plain(text)
    if denied(text):
        return None
    found = _THREATS_RE.search(words)
    if found and not _GAME_RE.search(words):
        return found.group().strip()
    address = _ADDRESS_RE.search(words)
    if address and _WARNING_RE.search(words):
        return address.group().strip()
    return added_phrase(text, phrases)


def threats(context: MessageContext, params: Mapping[str, Any]) -> Verdict | None:
    phrase = find_threat(context.body, params["phrases"])
    if phrase is None:
        return None
    return verdict(
        context,
        decision_param(params, "decision"),
        rule=NAME,
        code="THREAT",
        explanation=lambda: (
            _(
                "Your message reads as a threat or a call to violence (“%(phrase)s”). "
                "A facilitator will review it before it is published."
            )
            % {"phrase": phrase}
        ),
        suggestion=lambda: _("Say what made you angry and what you need, without threatening anyone."),
    )
