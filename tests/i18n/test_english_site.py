"""What an English reader meets on pages the programme's translation does not cover: the
interface of the apps in English whatever language was read first, the platform's own notes in
the language of the text they belong to, Open Graph locales on every page, and the programme's
pages linked in English when they are translated."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import translation

from pactes.models import Party
from pactes.services.parties import _add_party
from pactes.services.versions import current_clauses, write_version

pytestmark = pytest.mark.django_db


def test_the_labels_of_a_pacts_changes_are_in_the_language_being_read(make_pact, home):
    pact = make_pact(status="co_design")
    write_version(
        pact=pact,
        actor=None,
        clauses=current_clauses(pact),
        start_date=dt.date(2027, 2, 1),
        end_date=dt.date(2027, 12, 31),
        keep_dates=False,
    )
    url = f"{pact.get_absolute_url()}diff/?from=1&to=2"

    french = Client().get(url).content.decode()
    english = Client().get(f"/en{url}").content.decode()

    assert "Date de début" in french
    assert "Start date" in english and "Date de début" not in english
    # The clauses are French (the pact's language), marked as such on the English page.
    assert '<h2 class="clause__heading"><span lang="fr">' in english


def test_the_platforms_notes_are_in_the_pacts_language_and_marked(make_pact, people, home):
    pact = make_pact(status="co_design")
    with translation.override("en"):
        _add_party(pact=pact, actor=None, role=Party.Role.CO_SIGNATORY, person=people.resident)
    note = pact.versions.order_by("-number").first().note

    assert note.startswith("Nouvelle partie :")
    english = Client().get(f"/en{pact.get_absolute_url()}").content.decode()
    assert f'<span lang="fr">{note}</span>' in english


@pytest.mark.parametrize(
    "path", ["/en/offres/", "/en/debats/", "/en/pactes/", "/en/benevolat/", "/en/tableau-de-bord/"]
)
def test_every_english_page_says_its_open_graph_locale(path, home):
    page = Client().get(path).content.decode()

    assert page.count('<meta property="og:locale" content="en_GB">') == 1
    assert page.count('<meta property="og:locale:alternate" content="fr_FR">') == 1


def test_the_breadcrumb_of_an_untranslated_page_leads_to_the_english_home(bilingual):
    untranslated = bilingual["engagements"][1]

    page = Client().get(f"/en{untranslated.url}").content.decode()

    breadcrumb = page.split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert f'href="{bilingual["english_home"].url}"' in breadcrumb
    assert f'href="{bilingual["english_programme"].url}"' in breadcrumb


def test_a_debates_transcript_gives_its_address_in_each_language(make_debate, home):
    debate = make_debate()
    path = f"/debats/{debate.slug}/transcription.html"

    english = Client().get(f"/en{path}").content.decode()

    assert f'hreflang="fr" href="http://testserver{path}"' in english
    assert f'hreflang="en" href="http://testserver/en{path}"' in english
    assert '<meta property="og:locale" content="en_GB">' in english
