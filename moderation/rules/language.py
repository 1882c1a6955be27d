"""Which language a message is written in, so that the French or the English lexicons and
patterns apply to it whatever the author's interface language.

The detector is py3langid (a naive Bayes model over byte n-grams, shipped inside its wheel: no
download at run time, about 20 µs a message). It is asked to choose among the languages people
write in a French city's debates, not only French and English, so that a Spanish or Italian
phrase does not count as French by default. Short messages are hard to place: when the detector
is not sure, or thinks the text is neither French nor English, both languages' rules run —
missing an insult costs more than checking a word twice.
"""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

RULE_LANGUAGES = ("fr", "en")
BOTH = frozenset(RULE_LANGUAGES)
# Languages the detector may answer: ours, and neighbours that share many words with them.
_CANDIDATES = ["fr", "en", "es", "it", "de", "pt", "nl"]
# Below this probability, or below this many letters, the text is not placed in one language.
CONFIDENCE = 0.9
MIN_LETTERS = 12
SAMPLE = 200

_identifier: LanguageIdentifier | None = None


def _detector() -> LanguageIdentifier:
    global _identifier
    if _identifier is None:  # about half a second, once per process
        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        identifier.set_languages(_CANDIDATES)
        _identifier = identifier
    return _identifier


@lru_cache(maxsize=512)
def languages_of(text: str) -> frozenset[str]:
    """The languages whose rules apply to ``text``: ``{"fr"}``, ``{"en"}`` or both."""
    if len(text) < 4 * MIN_LETTERS and sum(c.isalpha() for c in text) < MIN_LETTERS:
        return BOTH
    # The detector walks the text byte by byte in Python: a few hundred characters tell the
    # language as well as a thousand, at a third of the cost.
    language, confidence = _detector().classify(text[:SAMPLE])
    if language in RULE_LANGUAGES and confidence >= CONFIDENCE:
        return frozenset((language,))
    return BOTH


def warm() -> None:
    """Load the model now (at start-up) rather than on the first message."""
    _detector()
