"""What the words around a listed word say about it: quoted or reported, denied, a name, aimed at
someone. Shared by the content rules; every function is cached per text, since the rules of one
pipeline run read the same body.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .normalise import WORD_RE, fold, plain_words
from .people import PERSONS, PRONOUNS, words_of

# A quotation is a mention, not a use, when the message says it reports words: "il m'a traité de
# « connard »", "a tag saying 'losers'".
_QUOTED_RE = re.compile(r"«[^»]{1,200}»|“[^”]{1,200}”|\"[^\"]{1,200}\"|„[^“”]{1,200}[“”]")
_REPORTING = words_of(
    """traite traitee traites traiter appele appelee appeler appelle mot mots tag tague taguee tagues ecrit
    ecrite dit dire disait disais disent dira crie criait slogan affiche intitule titre insulte insultes film
    roman livre chanson
    grave gravee inscrit inscription peint peinte graffiti graffitis panneau lance lancee hurle hurlait balance
    called call word words sprayed wrote written said saying shouted title titled"""
)
# Denials and reported views: "arrêtons de dire que...", "ce n'est pas une menace".
_DENIAL_RE = re.compile(
    r"\b(arretons de dire|arretez de dire|arrete de dire|il ne faut pas dire|ne faut pas dire|c est faux"
    r"|ce n est pas vrai|ce n est pas une menace|cliche|cliches|prejuge|prejuges|rumeur|stereotype|stereotypes"
    r"|jamais dit|n ai jamais dit|ne dis pas que|ne dit pas que|ne pense pas que|jamais pense|jamais cru"
    r"|ne crois pas que|never said|never thought|personne n a dit|nobody said"
    r"|stop saying|it s not true|not a threat|isn t a threat|stop the stereotypes)\b"
)
# Every denial above holds one of these words: without them, the regex does not run.
_DENIAL_WORDS = words_of(
    """dire dis dit faux vrai menace cliche cliches prejuge prejuges rumeur stereotype stereotypes saying true
    threat pense cru crois said thought"""
)
_TITLES = words_of(
    """monsieur madame mademoiselle m mme mlle mr mrs ms dr docteur maitre famille rue avenue boulevard
    place chez"""
)
_SENTENCE_END = frozenset('.!?…«“"')


@lru_cache(maxsize=256)
def screened(text: str) -> str:
    """``text`` without its quotations when it reports someone else's words; else ``text``."""
    if not _QUOTED_RE.search(text):
        return text
    outside = _QUOTED_RE.sub(" ", text)
    if _REPORTING.isdisjoint(plain_words(outside)):
        return text
    return outside


@lru_cache(maxsize=256)
def plain(text: str) -> str:
    """The folded words of the screened text joined by single spaces, with a space at each end,
    for the pattern rules' regular expressions."""
    return " " + " ".join(plain_words(screened(text))) + " "


_VOCATIVE_RE = re.compile(r",\s*([^\W\d_]+)\s*[.!?…]*\s*$")


def vocative(text: str) -> str:
    """The folded last word of ``text`` when a comma sets it apart ("va-t'en, abruti !"): the
    person the message calls by that word. Empty when there is none."""
    found = _VOCATIVE_RE.search(text)
    return fold(found.group(1)) if found else ""


@lru_cache(maxsize=256)
def word_set(text: str) -> frozenset[str]:
    """The words of :func:`plain`, as a set: the pattern rules check first that a word they
    need is there, so that most messages never reach their regular expressions."""
    return frozenset(plain(text).split())


def added_phrase(text: str, phrases) -> str | None:
    """The first of ``phrases`` (a facilitator's additions to a rule, plain words) that
    ``text`` contains, folded like the text; None when there is none."""
    words = plain(text)
    for phrase in phrases:
        if f" {' '.join(plain_words(phrase))} " in words:
            return phrase
    return None


def denied(text: str) -> bool:
    """The message denies or reports a judgement instead of making it."""
    if _DENIAL_WORDS.isdisjoint(word_set(text)):
        return False
    return _DENIAL_RE.search(plain(text)) is not None


@lru_cache(maxsize=256)
def names(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Folded words written as names: ``(capitalised inside a sentence, after a title)``.

    "les Enfoirés", "de Gogol" are capitalised inside a sentence; "Monsieur Connard" and
    "famille Bâtard" follow a title. A word in capitals throughout is shouting, not a name.
    """
    capitalised: set[str] = set()
    titled: set[str] = set()
    previous = ""
    start = True
    for match in WORD_RE.finditer(text):
        word = match.group()
        before = text[max(0, match.start() - 3) : match.start()].strip()
        if before and before[-1] in _SENTENCE_END:
            start = True
        folded = fold(word)
        if word[:1].isupper() and not (word.isupper() and len(word) > 1):
            if not start:
                capitalised.add(folded)
            if previous in _TITLES:
                titled.add(folded)
        previous = folded.rstrip(".")
        start = False
    return frozenset(capitalised), frozenset(titled)


# Words that may stand between an address and a judgement: "tu es VRAIMENT UN GROS nul".
FILLERS = words_of(
    """un une des d qu que vraiment trop tellement completement totalement super grand grande gros grosse
    pauvre pauvres sacre sacree vieux vieille petit petite bien si juste franchement vrai vraie
    veritable sale sales espece de bande tous toutes tout encore a an the such so really totally
    completely just truly utterly absolutely complete total real bloody fucking all being bunch of
    stupid dumb little dirty filthy ugly silly"""
)
# What addresses the judged person, read backwards from the judged word.
_ADDRESS = (
    ("tu", "es"),
    ("t", "es"),
    ("t", "est"),
    ("tes",),
    ("vous", "etes"),
    ("es", "qu"),
    ("n", "es"),
    ("n", "etes"),
    ("n", "est"),
    ("etes", "que"),
    ("etes", "qu"),
    ("espece", "de"),
    ("espece", "d"),
    ("bande", "de"),
    ("bande", "d"),
    ("quel",),
    ("quelle",),
    ("quels",),
    ("sale",),
    ("pauvre",),
    ("you", "are"),
    ("you", "re"),
    ("youre",),
    ("u", "r"),
    ("ur",),
    ("you",),
    ("what", "a"),
    ("what", "an"),
    ("shut", "up"),
)
# Fillers that address someone on their own: "sale X", "pauvre X", "espèce de X".
_MARKERS = words_of("""sale sales pauvre pauvres espece bande""")
_ARTICLES = words_of("""un une des a an""")
_COPULAS = words_of("""est sont etait etaient is are was were""")
_NEGATIONS = words_of("""pas jamais plus not never isn aren wasn nobody personne""")


def _person(word: str) -> bool:
    return word in PERSONS or word in PRONOUNS


PERSON, NEGATED, NOBODY = "person", "negated", ""


def target(
    words: list[str], index: int, capitalised: frozenset[str] = frozenset(), *, demonstrative: bool = False
) -> str:
    """Whether ``words[index]`` (folded words of a message) is said of a person: addressed
    ("t'es un X", "espèce de X", "you X"), said of someone ("le maire est un X", "ce X de
    voisin", "quel X ce maire"), or shouted at someone as a whole message ("X !").

    Returns :data:`PERSON`, :data:`NEGATED` ("tu n'es pas un X", "nobody here is an X") or
    :data:`NOBODY`.
    """
    j = index
    spelt = words[index]
    if index >= len(spelt) > 2 and "".join(words[index - len(spelt) : index]) == spelt:
        j = index = index - len(spelt)  # "b i t c h": the letters, then the word they spell
    while j > 0 and words[j - 1] in FILLERS:
        j -= 1
    before = words[max(0, j - 3) : j]
    if any(word in _NEGATIONS for word in words[max(0, index - 4) : index]):
        return NEGATED
    if not _MARKERS.isdisjoint(words[j:index]):
        return PERSON
    for address in _ADDRESS:
        if tuple(before[-len(address) :]) == address:
            return PERSON
    if demonstrative and before[-2:] in (["c", "est"], ["ce", "sont"]) and not _ARTICLES.isdisjoint(words[j:index]):
        return PERSON  # "c'est une X", "ce sont des X": a word of two senses said of someone
    if before and before[-1] in _COPULAS:
        subject = words[max(0, j - 7) : j - 1]
        if any(_person(word) or word in capitalised for word in subject):
            return PERSON
    after = words[index + 1 : index + 4]
    if len(after) >= 2 and after[0] in ("de", "d", "of") and after[1] in PERSONS:
        return PERSON
    if len(after) >= 2 and after[0] in ("ce", "cet", "cette", "ces", "le", "la", "les") and after[1] in PERSONS:
        return PERSON
    # An insult alone, or opening a short message: "Bâtard !", "Bâtard, rends les clés." (A
    # coarse word alone, "Merde, j'ai oublié", is aimed at nobody.)
    if demonstrative and ((index == 0 and len(words) <= 6) or len(words) <= 2):
        return PERSON
    return NOBODY


def forget() -> None:
    """Empty every per-text cache of the rules (benchmarks: in a room every message is new)."""
    from .language import languages_of
    from .normalise import readings

    for cached in (readings, languages_of, screened, plain, word_set, names):
        cached.cache_clear()
