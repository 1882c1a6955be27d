"""A page and its translation at their addresses, with hreflang both ways, og:locale, the switch;
a page not translated yet shown on the English site marked as French; old addresses unchanged."""

import re

import pytest

pytestmark = pytest.mark.django_db


def alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def test_a_page_and_its_translation_point_at_each_other(bilingual, client):
    french = client.get("/programme/engagement-1/").content.decode()
    english = client.get("/en/programme/engagement-1/").content.decode()

    expected = {
        "fr": "http://testserver/programme/engagement-1/",
        "en": "http://testserver/en/programme/engagement-1/",
        "x-default": "http://testserver/programme/engagement-1/",
    }
    assert alternates(french) == expected
    assert alternates(english) == expected
    assert '<html lang="fr">' in french and '<html lang="en">' in english
    assert "<h1>Engagement numéro 1</h1>" in french
    assert "<h1>EN Engagement numéro 1</h1>" in english
    assert "What the city does" in english and "Ce que fait la ville" in french


def test_og_locale_names_the_language_and_its_alternate(bilingual, client):
    french = client.get("/programme/").content.decode()
    english = client.get("/en/programme/").content.decode()

    assert '<meta property="og:locale" content="en_GB">' in english
    assert '<meta property="og:locale:alternate" content="fr_FR">' in english
    assert '<meta property="og:locale" content="fr_FR">' in french
    assert '<meta property="og:locale:alternate" content="en_GB">' in french


def test_the_switch_links_to_the_same_page_in_the_other_language(bilingual, client):
    french = client.get("/programme/engagement-1/").content.decode()
    english = client.get("/en/programme/engagement-1/").content.decode()

    assert re.search(r'<a href="/en/programme/engagement-1/" hreflang="en" lang="en">English</a>', french)
    assert re.search(r'<a href="/programme/engagement-1/" hreflang="fr" lang="fr">Français</a>', english)
    # No form posting to the old switch.
    assert "set_language" not in french and 'action="/i18n/setlang/"' not in french


def test_an_untranslated_page_switches_to_its_nearest_translated_ancestor_and_says_so(bilingual, client):
    french = client.get("/programme/engagement-2/").content.decode()

    link = re.search(r'<a href="([^"]+)" hreflang="en" lang="en">English(.*?)</a>', french, re.S)
    assert link and link.group(1) == "/en/programme/"
    assert "this page is not translated" in link.group(2) and "EN Le programme" in link.group(2)
    # hreflang only names the languages the page exists in.
    assert set(alternates(french)) == {"fr", "x-default"}


def test_an_untranslated_page_on_the_english_site_is_marked_french(bilingual, client):
    response = client.get("/en/programme/engagement-2/")
    html = response.content.decode()

    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "This page is not translated yet." in html and "(in French)" in html
    # The page's own text sits in an element marked as French; the interface stays English.
    marked = html.split('<div lang="fr">', 1)
    assert len(marked) == 2 and "<h1>Engagement numéro 2</h1>" in marked[1]
    assert "What the city does" in html
    # Its canonical address is the French one, and it claims no English alternate.
    assert re.search(r'<link rel="canonical" href="http://[^/"]+/programme/engagement-2/">', html)
    assert "en" not in alternates(html)


def test_the_french_notice_on_the_french_site_does_not_appear(bilingual, client):
    html = client.get("/programme/engagement-2/").content.decode()

    assert "not translated yet" not in html and "en français" not in html
    assert '<div lang="fr">' not in html


def test_old_french_addresses_still_work_without_prefix(bilingual, client):
    for path in ["/", "/programme/", "/programme/engagement-1/", "/actualites/", "/debats/", "/pactes/", "/recherche/"]:
        assert client.get(path).status_code == 200, path
    assert client.get("/compte/").status_code == 302  # login required, as before


def test_a_fr_prefix_redirects_to_the_address_without_it(bilingual, client):
    response = client.get("/fr/programme/?x=1")

    assert response.status_code == 301 and response["Location"] == "/programme/?x=1"


def test_app_pages_exist_in_english_under_en_with_alternates(db, home, client):
    html = client.get("/en/debats/").content.decode()

    assert '<html lang="en">' in html and "Debates" in html
    assert alternates(html) == {
        "fr": "http://testserver/debats/",
        "en": "http://testserver/en/debats/",
        "x-default": "http://testserver/debats/",
    }
    assert '<a href="/debats/" hreflang="fr" lang="fr">Français</a>' in html
    # The layout's fixed links stay in the language being read.
    assert 'href="/en/programme/"' in html and 'href="/en/pactes/"' in html


def test_an_unknown_english_address_is_a_404(bilingual, client):
    assert client.get("/en/programme/nulle-part/").status_code == 404
    assert client.get("/en/nulle-part/").status_code == 404
