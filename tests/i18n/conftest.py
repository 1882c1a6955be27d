"""A programme in two languages: the French pages of tests/programme and their English
translations, made with wagtail-localize as an editor does (programme.demo.translate_page)."""

import pytest
from wagtail.models import Locale

from programme.demo import translate_page
from tests.debates.conftest import debate, joined, make_debate  # noqa: F401
from tests.pactes.conftest import make_pact, people  # noqa: F401
from tests.programme.conftest import build_programme, home, publish  # noqa: F401


class English(dict):
    """English for every French text: a recognisable translation of each segment."""

    def __missing__(self, french: str) -> str:
        return f"EN {french}"


@pytest.fixture
def english(db) -> Locale:
    return Locale.objects.get(language_code="en")


@pytest.fixture
def translate(english):
    """``translate(page)`` -> its published English translation (parents must be translated)."""

    def run(page, *, publish: bool = True):  # noqa: F811 (the name of the argument)
        return translate_page(page.specific, english, English(), publish=publish)

    return run


@pytest.fixture
def bilingual(build_programme, home, translate):  # noqa: F811 (the fixtures imported above)
    """The programme with two engagements and a news item, home, programme and engagement 1
    translated; engagement 2 and the news stay French only."""
    programme, engagements, index = build_programme(engagements=2, news=1)
    english_home = translate(home)
    english_programme = translate(programme)
    english_engagement = translate(engagements[0])
    return {
        "home": home,
        "programme": programme,
        "engagements": engagements,
        "index": index,
        "english_home": english_home,
        "english_programme": english_programme,
        "english_engagement": english_engagement,
    }
