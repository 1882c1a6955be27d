"""Fold a message into the plain lower-case Latin words the lexicon and the patterns expect.

People who want to slip an insult past a filter write ``c0nnard``, ``сonnard`` (a Cyrillic
``с``), ``con\u200bnard`` (a zero-width space), ``ｃｏｎｎａｒｄ`` (fullwidth forms),
``connnnnard``, ``c o n n a r d`` or ``c*nnard``. Everything here undoes those tricks once, with
tables built at import, so that a message costs a few C-level passes (``normalize`` and regular
expressions) plus a short loop over its words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

# Letters that look like Latin ones. NFKD already maps fullwidth forms, ligatures such as "ﬁ",
# mathematical alphanumerics and most compatibility letters; these are the look-alikes it keeps.
_HOMOGLYPHS = {
    # Cyrillic
    "а": "a", "в": "b", "г": "r", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h",
    "о": "o", "п": "n", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ь": "b", "ѕ": "s",
    "і": "i", "ї": "i", "ј": "j", "ԁ": "d", "ӏ": "l", "ԛ": "q", "ԝ": "w", "ү": "y", "һ": "h",
    "ɡ": "g", "ո": "n", "ս": "u", "օ": "o",
    # Greek
    "α": "a", "β": "b", "γ": "y", "δ": "d", "ε": "e", "ζ": "z", "η": "n", "ι": "i", "κ": "k",
    "μ": "u", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ϲ": "c",
    # Latin letters NFKD does not decompose, small capitals and ligatures
    "ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ı": "i", "ȷ": "j", "ɑ": "a",
    "ɩ": "i", "ɪ": "i", "ʀ": "r", "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ɢ": "g",
    "ʜ": "h", "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ꜱ": "s",
    "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z", "œ": "oe", "æ": "ae",
    # apostrophes and hyphens of every kind separate words, as the ASCII ones do
    "\u2019": "'", "\u02bc": "'", "\u2018": "'", "`": "'", "´": "'", "\u2010": "-", "\u2011": "-",
    "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
}  # fmt: skip


def _invisible_code_points() -> list[int]:
    """Format characters (zero-width spaces and joiners, bidi controls, soft hyphen, tags...)
    and combining marks (accents once NFKD has split them off)."""
    points = [cp for cp in range(0x10000) if unicodedata.category(chr(cp)) in ("Cf", "Mn", "Me")]
    # Hangul fillers and the Mongolian vowel separator render as nothing but are letters.
    points += [0x115F, 0x1160, 0x3164, 0xFFA0, 0x180E]
    points += range(0xE0000, 0xE0080)  # tag characters
    points += range(0xE0100, 0xE01F0)  # variation selectors supplement
    points += range(0x1D173, 0x1D17B)  # musical formatting controls
    return points


_REPLACEMENTS: dict[str, str] = dict.fromkeys(map(chr, _invisible_code_points()), "")
_REPLACEMENTS.update(_HOMOGLYPHS)


def _character_class(characters) -> str:
    """A regex character class for ``characters``, written as ranges so that it stays small."""
    points = sorted(map(ord, characters))
    ranges: list[tuple[int, int]] = []
    for point in points:
        if ranges and point == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], point)
        else:
            ranges.append((point, point))
    return "[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges) + "]"


# Accents are by far the most frequent marks: a plain class removes them before the slower pass.
_ACCENTS_RE = re.compile("[\u0300-\u036f]+")
# Replacing matches is much cheaper than ``str.translate`` over every character of the text, as
# most messages hold none of these characters, or only a few (typographic apostrophes).
_SPECIAL_RE = re.compile(_character_class(_REPLACEMENTS))


def _replace(match: re.Match) -> str:
    return _REPLACEMENTS[match.group()]


# Characters that stand for letters in leetspeak. "1" and "|" may be an i or an l: both are tried.
_LEET = str.maketrans({"0": "o", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "€": "e", "!": "i"})
_LEET_I = str.maketrans({"1": "i", "|": "i"})
_LEET_L = str.maketrans({"1": "l", "|": "l"})
_LEET_CHARS = frozenset("013457@$€!|")
# A word: letters and digits, plus the symbols used as letters and the star that masks one
# ("c*nnard"). The middle finger is a word too.
WORD_RE = re.compile(r"[\w@$€!|*]+|\U0001F595")
_EDGE_PUNCTUATION = "!|_*"
_STRETCH_RE = re.compile(r"(.)\1\1")
_RUN_RE = re.compile(r"(.)\1+")


def fold(text: str) -> str:
    """Lower-case, without accents, invisible characters or look-alike letters.

    Word boundaries are kept: ``fold("T’es  Con")`` is ``"t'es  con"``.
    """
    if text.isascii():
        return text.lower()
    folded = _ACCENTS_RE.sub("", unicodedata.normalize("NFKD", text).casefold())
    return folded if folded.isascii() else _SPECIAL_RE.sub(_replace, folded)


def squeeze(word: str) -> str:
    """``"connnnard"`` -> ``"conard"``: every run of a repeated character becomes one."""
    return _RUN_RE.sub(r"\1", word)


@lru_cache(maxsize=4096)
def word_forms(word: str) -> tuple[str, ...]:
    """The readings of one folded word: itself, its leetspeak decodings, and when a letter is
    stretched (three times or more), the squeezed reading. Cached: words repeat a lot."""
    word = word.strip(_EDGE_PUNCTUATION)
    forms = [word]
    if not _LEET_CHARS.isdisjoint(word) and not word.isdigit() and any(c.isalpha() for c in word):
        decoded = word.translate(_LEET)
        for variant in (decoded.translate(_LEET_I), decoded.translate(_LEET_L)):
            if variant not in forms:
                forms.append(variant)
    if _STRETCH_RE.search(word):
        for form in list(forms):
            squeezed = squeeze(form)
            if squeezed not in forms:
                forms.append(squeezed)
    return tuple(forms)


def words(folded: str) -> list[tuple[str, ...]]:
    """The words of a folded text, each as its tuple of readings (see :func:`word_forms`).

    Letters spelt one by one (``c o n n a r d``, ``c.o.n.n.a.r.d``) are also read joined, as one
    more word placed after them.
    """
    result: list[tuple[str, ...]] = []
    letters: list[str] = []
    for forms in map(word_forms, WORD_RE.findall(folded)):
        first = forms[0]
        if len(first) == 1:
            letters.append(first)
        elif letters:
            if len(letters) >= 3:
                result.append(word_forms("".join(letters)))
            letters = []
        if first:
            result.append(forms)
    if len(letters) >= 3:
        result.append(word_forms("".join(letters)))
    return result


@lru_cache(maxsize=256)
def readings(text: str) -> tuple[tuple[str, ...], ...]:
    """``words(fold(text))``, remembered: the rules of one pipeline run all read the same body."""
    return tuple(words(fold(text)))


def plain_words(text: str) -> list[str]:
    """The folded words of ``text`` as written (first reading only), for the pattern rules."""
    return [forms[0] for forms in readings(text)]


def as_written(text: str, matches: Callable[[tuple[str, ...]], bool]) -> str | None:
    """The first word of ``text`` whose readings satisfy ``matches``, as its author wrote it
    ("bête", "C0nnard"), for explanations; ``None`` when the word was split by a trick."""
    for match in WORD_RE.finditer(text):
        if matches(word_forms(fold(match.group()))):
            return match.group().strip(_EDGE_PUNCTUATION)
    return None
