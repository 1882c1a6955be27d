"""Feeds, search, the API and the sitemap in each language."""

import re

import defusedxml.ElementTree as ET
import pytest

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def with_english_news(bilingual, translate):
    index = translate(bilingual["index"])
    item = bilingual["index"].get_children().first()
    english_item = translate(item)
    return index, english_item


def test_each_language_has_its_news_feed(with_english_news, client):
    french = ET.fromstring(client.get("/actualites/rss.xml").content).find("channel")
    english = ET.fromstring(client.get("/en/actualites/rss.xml").content).find("channel")

    assert french.findtext("language") == "fr" and english.findtext("language") == "en"
    assert [i.findtext("title") for i in english.iter("item")] == ["EN Nouvelle 0"]
    assert "/en/actualites/" in english.find("item").findtext("link")
    assert [i.findtext("title") for i in french.iter("item")] == ["Nouvelle 0"]


def test_the_atom_feed_says_its_language(with_english_news, client):
    feed = ET.fromstring(client.get("/en/actualites/atom.xml").content)

    assert feed.get(XML_LANG) == "en"
    assert ET.fromstring(client.get("/actualites/atom.xml").content).get(XML_LANG) == "fr"


def test_search_looks_in_the_pages_of_the_language_being_read(bilingual, client):
    french = client.get("/recherche/?q=Engagement numéro").content.decode()
    english = client.get("/en/recherche/?q=EN Engagement").content.decode()

    assert 'href="/en/programme/engagement-1/"' in english
    assert 'href="/programme/engagement-1/"' not in english
    assert 'href="/programme/engagement-1/"' in french and "/en/programme/" not in re.sub(
        r'<link rel="alternate"[^>]*>|<nav class="language-switch".*?</nav>', "", french, flags=re.S
    )


def test_the_api_lists_the_pages_of_a_locale(bilingual, client):
    english = client.get("/api/v2/pages/?locale=en&type=programme.EngagementPage&fields=number").json()
    french = client.get("/api/v2/pages/?locale=fr&type=programme.EngagementPage").json()

    assert [item["title"] for item in english["items"]] == ["EN Engagement numéro 1"]
    assert english["items"][0]["meta"]["locale"] == "en"
    assert french["meta"]["total_count"] == 2
    source = bilingual["engagements"][0]
    translations = client.get(f"/api/v2/pages/?translation_of={source.pk}").json()
    assert [item["id"] for item in translations["items"]] == [bilingual["english_engagement"].pk]


def test_the_sitemap_gives_each_address_its_alternates(bilingual, client):
    sitemap = ET.fromstring(client.get("/sitemap.xml").content)
    entries = {
        url.findtext(f"{SITEMAP}loc"): {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
        for url in sitemap.iter(f"{SITEMAP}url")
    }
    paths = {re.sub(r"^https?://[^/]+", "", loc): alternates for loc, alternates in entries.items()}

    french, english = "/programme/engagement-1/", "/en/programme/engagement-1/"
    both = {"fr": french, "en": english, "x-default": french}
    for path in ["/programme/engagement-1/", "/en/programme/engagement-1/"]:
        assert {k: re.sub(r"^https?://[^/]+", "", v) for k, v in paths[path].items()} == both
    # A page in French only is listed once, without alternates.
    assert paths["/programme/engagement-2/"] == {}
    assert "/en/programme/engagement-2/" not in paths
    # The other pages of the site exist in both languages.
    assert {k: re.sub(r"^https?://[^/]+", "", v) for k, v in paths["/en/debats/"].items()} == {
        "fr": "/debats/",
        "en": "/en/debats/",
        "x-default": "/debats/",
    }


def test_the_english_sites_sitemap_address_leads_to_the_one_sitemap(db, client):
    response = client.get("/en/sitemap.xml")

    assert response.status_code == 301 and response["Location"] == "/sitemap.xml"
    assert client.get(response["Location"]).status_code == 200


def test_robots_txt_keeps_the_english_private_areas_out_too(db, client):
    from urllib.robotparser import RobotFileParser

    robots = RobotFileParser()
    robots.parse(client.get("/robots.txt").content.decode().splitlines())

    for path in ["/compte/", "/en/compte/", "/en/accounts/login/", "/en/recherche/?q=x", "/en/moderation/file/"]:
        assert not robots.can_fetch("*", path), path
    for path in ["/en/", "/en/programme/", "/en/moderation/registre/", "/moderation/registre/"]:
        assert robots.can_fetch("*", path), path
