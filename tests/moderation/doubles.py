"""A classifier for the tests of the pluggable classifier step: it scores a message by the
words it contains, so that a test can choose the score it needs."""


class WordScoreClassifier:
    """``score(text, lang)``: 0.95 when the text contains "hostile", 0.6 for "tense", else 0.
    Records every call, so that the tests see the language it was given."""

    calls: list[tuple[str, str]] = []

    def score(self, text: str, lang: str) -> float:
        type(self).calls.append((text, lang))
        lowered = text.lower()
        if "hostile" in lowered:
            return 0.95
        if "tense" in lowered:
            return 0.6
        return 0.0


class BrokenClassifier:
    """A classifier whose model is down."""

    def score(self, text: str, lang: str) -> float:
        raise ConnectionError("the model server does not answer")
