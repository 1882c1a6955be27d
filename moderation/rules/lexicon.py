"""The insult lexicon: French and English, loaded once at import, matched in one pass.

Sources (see ``THIRD_PARTY.md``): the npm packages ``french-badwords-list`` (MIT) and
``naughty-words`` (CC-BY-4.0), shipped unchanged in ``moderation/data/upstream/``, and the
project's curated ``moderation/data/lexicon.tsv`` (CC0), which classifies their terms as slurs,
insults or vulgarity, drops ordinary words that happen to be listed, adds what they miss and
lists phrases that are never an insult ("cul-de-sac", "raton laveur"). ``senses.tsv`` lists the
words that have an ordinary sense too, with the words that show it (see :mod:`.insults`).

Matching works on words, never on substrings, so "contrat", "concombre", "habite" and
"Scunthorpe" cannot match "con", "bite" or their English cousins. A message is folded once
(:func:`normalise.fold`); each word is looked up in a dict under each of its readings
(leetspeak, stretched letters); the few words that can start a listed phrase are checked against
the phrases that start with them, longest first. The cost is linear in the length of the message.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from .normalise import fold, readings, squeeze, words

DATA = Path(__file__).resolve().parent.parent / "data"
UPSTREAM = DATA / "upstream"

SLUR, INSULT, VULGAR = "slur", "insult", "vulgar"
IGNORE, ALLOW = "ignore", "allow"
# Strongest first: a message with a slur and a swear word is judged on the slur.
SEVERITY = {SLUR: 3, INSULT: 2, VULGAR: 1}
CATEGORIES = (*SEVERITY, IGNORE, ALLOW)
LANGUAGES = ("", "fr", "en")


@dataclass(frozen=True, slots=True)
class Entry:
    term: str
    category: str
    # "" counts in every language; "fr"/"en" only in a message written in that language.
    language: str = ""

    def applies_to(self, language: str) -> bool:
        return not self.language or self.language == language


Key = tuple[str, ...]


def term_key(term: str) -> Key:
    """The words of a listed term, folded like a message (hyphens and apostrophes split)."""
    return tuple(forms[0] for forms in words(fold(term)))


def _plain_letters(term: str) -> bool:
    # Upstream lists spell many terms in leetspeak too; messages are decoded, so the letters suffice.
    return all(part.isalpha() for part in term.replace("-", " ").replace("'", " ").split())


def upstream_entries() -> dict[Key, Entry]:
    """The upstream terms with their default category: French insults, French and English vulgarity.

    Where two lists hold the same term, the stronger category wins.
    """
    sources: list[tuple[list[str], str]] = [
        (
            (UPSTREAM / "french-badwords-list-1.0.7.txt").read_text(encoding="utf-8").splitlines(),
            INSULT,
        ),
        (json.loads((UPSTREAM / "naughty-words-1.2.0-fr.json").read_text(encoding="utf-8")), VULGAR),
        (json.loads((UPSTREAM / "naughty-words-1.2.0-en.json").read_text(encoding="utf-8")), VULGAR),
    ]
    entries: dict[Key, Entry] = {}
    for terms, category in sources:
        for term in terms:
            term = term.strip()
            if not term or not (_plain_letters(term) or term == "\U0001f595"):
                continue
            key = term_key(term)
            known = entries.get(key)
            if key and (known is None or SEVERITY[category] > SEVERITY[known.category]):
                entries[key] = Entry(term, category)
    return entries


def curated_entries(path: Path | None = None) -> dict[Key, Entry]:
    """``lexicon.tsv``: ``term <TAB> category [<TAB> language]``; ``#`` starts a comment."""
    entries: dict[Key, Entry] = {}
    text = (path or DATA / "lexicon.tsv").read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        term, category, language, *rest = [*line.split("\t"), "", ""]
        if category not in CATEGORIES or language not in LANGUAGES or any(rest):
            raise ValueError(f"lexicon.tsv line {number}: expected 'term<TAB>category[<TAB>fr|en]', got {line!r}")
        entries[term_key(term)] = Entry(term, category, language)
    return entries


class Lexicon:
    """An immutable index of entries; :meth:`find` returns the entries a text contains."""

    def __init__(self, entries: dict[Key, Entry]):
        self.single: dict[str, Entry] = {}
        # Stretched words ("connnnard") are looked up squeezed ("conard") in this index.
        self.squeezed: dict[str, Entry] = {}
        # First word -> [(other words, entry or None for an allowed phrase)], longest first.
        self.phrases: dict[str, list[tuple[Key, Entry | None]]] = defaultdict(list)
        for key, entry in entries.items():
            if entry.category == IGNORE:
                continue
            if entry.category == ALLOW or len(key) > 1:
                self.phrases[key[0]].append((key[1:], None if entry.category == ALLOW else entry))
                continue
            word = key[0]
            self.single[word] = entry
            if word[-1] not in "sxz":
                self.single.setdefault(word + "s", entry)
        for word, entry in self.single.items():
            self.squeezed.setdefault(squeeze(word), entry)
        # Single words by length, for masked words ("c*nnard", "f**k").
        self.by_length: dict[int, list[str]] = defaultdict(list)
        for word in self.single:
            self.by_length[len(word)].append(word)
        for candidates in self.phrases.values():
            candidates.sort(key=lambda candidate: len(candidate[0]), reverse=True)
        self.phrases = dict(self.phrases)

    def __len__(self) -> int:
        return len(self.single) + sum(len(c) for c in self.phrases.values())

    def find(self, text: str, language: str | Collection[str]) -> list[Entry]:
        """The entries found in ``text``, in order, for a message written in ``language`` (one
        language or several, when the message's language is uncertain)."""
        return [entry for entry, _index in self.find_at(text, language)]

    def find_at(self, text: str, language: str | Collection[str]) -> list[tuple[Entry, int]]:
        """Like :meth:`find`, with the index of each entry's first word among the text's words."""
        languages = (language,) if isinstance(language, str) else language
        found: list[tuple[Entry, int]] = []
        found_in = readings(text)
        count = len(found_in)
        phrases, single = self.phrases, self.single
        i = 0
        while i < count:
            forms = found_in[i]
            start = i
            # Most words have a single reading and start no phrase: two dict lookups.
            if len(forms) == 1 and forms[0] not in phrases and "*" not in forms[0]:
                entry = single.get(forms[0])
                i += 1
            else:
                length, entry = self._phrase_at(found_in, i) or (1, self.entry_for(forms))
                i += length
            if entry is not None and any(entry.applies_to(lang) for lang in languages):
                found.append((entry, start))
        return found

    def _phrase_at(self, found_in: tuple[tuple[str, ...], ...], i: int) -> tuple[int, Entry | None] | None:
        for form in found_in[i]:
            for rest, entry in self.phrases.get(form, ()):
                end = i + 1 + len(rest)
                if end <= len(found_in) and all(
                    word in found_in[j] for j, word in zip(range(i + 1, end), rest, strict=True)
                ):
                    return len(rest) + 1, entry
                end = _spelt_match(found_in, i + 1, rest)
                if end is not None:
                    return end - i, entry
        return None

    def entry_for(self, forms: tuple[str, ...]) -> Entry | None:
        """The entry of one word, given its readings (see :func:`normalise.word_forms`)."""
        for form in forms:
            entry = self.single.get(form)
            if entry is not None:
                return entry
        # Several readings: maybe a stretched word ("connnnard"), looked up squeezed.
        for form in forms:
            entry = self.squeezed.get(squeeze(form))
            if entry is not None:
                return entry
        return self._masked(forms[-1]) if "*" in forms[0] else None

    def _masked(self, word: str) -> Entry | None:
        """A word with letters masked by stars ("p*te"): the listed word it can only be.

        Needs at least two letters shown, so that "**" or "a*" match nothing; rare enough in
        messages that comparing with the listed words of the same length costs nothing overall.
        """
        if sum(c.isalpha() for c in word) < 2:
            return None
        for candidate in self.by_length.get(len(word), ()):
            if all(shown in ("*", letter) for shown, letter in zip(word, candidate, strict=True)):
                return self.single[candidate]
        return None


def _spelt_match(found_in: tuple[tuple[str, ...], ...], start: int, rest: Key) -> int | None:
    """Where a phrase's ``rest`` ends when some of its words are spelt out letter by letter
    ("ferme ta g u e u l e": :func:`normalise.words` gives the letters, then the word they
    spell); None when it does not match that way either."""
    j = start
    for word in rest:
        if j < len(found_in) and word in found_in[j]:
            j += 1
            continue
        letters = len(word)
        spelt = j + letters < len(found_in) and "".join(f[0] for f in found_in[j : j + letters]) == word
        if not spelt or word not in found_in[j + letters]:
            return None
        j += letters + 1
    return j


def senses(path: Path | None = None) -> dict[Key, frozenset[str]]:
    """``senses.tsv``: listed terms that have an ordinary sense, with the words that show it."""
    result: dict[Key, frozenset[str]] = {}
    text = (path or DATA / "senses.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        term, _tab, cues = line.partition("\t")
        words_ = [forms[0] for forms in words(fold(cues))]
        result[term_key(term)] = frozenset(words_ + [word + "s" for word in words_ if word[-1] not in "sxz"])
    return result


def load() -> Lexicon:
    """Build the lexicon from the shipped files: upstream terms, then the curated overrides."""
    return Lexicon(upstream_entries() | curated_entries())


LEXICON = load()
SENSES = senses()
