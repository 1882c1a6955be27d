"""How other software finds and shows the site: the Atom feed's author (read with feedparser),
a sitemap of every kind of public page, robots rules read alike by first-match and
longest-match parsers, Open Graph with a generated image on pacts and debates."""

import io
import urllib.robotparser
from urllib.parse import urlsplit

import defusedxml.ElementTree as ET
import pytest
from django.core.management import call_command
from django.test import Client
from PIL import Image

from debates.models import Debate
from pactes.models import Pact

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def demo(db):
    call_command("load_demo", force=True, stdout=io.StringIO())


def test_atom_feed_has_an_author_as_rfc_4287_requires(build_programme, client, settings):
    import feedparser

    settings.CITY_NAME = "Ville-Exemple"
    build_programme(engagements=1, news=2)

    feed = feedparser.parse(client.get("/actualites/atom.xml").content)

    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.author_detail.name == "Ville-Exemple"
    assert feed.feed.author_detail.href == "http://testserver/"
    assert len(feed.entries) == 2


def test_sitemap_covers_every_kind_of_public_page(demo, client, settings):
    sitemap = ET.fromstring(client.get("/sitemap.xml").content)
    locations = [url.findtext(f"{SITEMAP}loc") for url in sitemap.iter(f"{SITEMAP}url")]
    assert {urlsplit(location).netloc for location in locations} == {urlsplit(settings.SITE_URL).netloc}
    urls = {urlsplit(location).path for location in locations}

    public_pacts = Pact.objects.exclude(status=Pact.Status.DRAFT).exclude(submitted_at=None)
    assert public_pacts.exists()
    for path in [
        "/",
        "/programme/",
        "/programme/engagement-4/",
        "/pactes/",
        "/pactes/biens-communs/",
        "/debats/",
        "/tableau-de-bord/",
        "/moderation/registre/",
        "/donnees/",
        *(pact.get_absolute_url() for pact in public_pacts),
        *(debate.get_absolute_url() for debate in Debate.objects.filter(visibility=Debate.Visibility.PUBLIC)),
    ]:
        assert path in urls, path
    drafts = Pact.objects.filter(status=Pact.Status.DRAFT)
    assert not {pact.get_absolute_url() for pact in drafts} & urls
    # Each address as a first visit: a page read in English sets the language cookie, which
    # would send the next French address to its English one.
    for path in urls:
        assert Client().get(path).status_code == 200, path


def test_sitemap_leaves_out_unlisted_debates(client, db):
    Debate.objects.create(title="Interne", slug="interne", question="?", visibility=Debate.Visibility.UNLISTED)
    assert b"/debats/interne/" not in client.get("/sitemap.xml").content


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/moderation/registre/", True),
        ("/moderation/registre.csv", True),
        ("/moderation/", False),
        ("/moderation/file/", False),
        ("/admin/", False),
        ("/accounts/login/", False),
        ("/pactes/", True),
        ("/pactes/export.csv", True),
        ("/debats/", True),
        ("/donnees/datapackage.json", True),
    ],
)
def test_robots_rules_read_alike_by_first_match_and_longest_match_parsers(client, db, path, allowed):
    lines = client.get("/robots.txt").content.decode().splitlines()
    first_match = urllib.robotparser.RobotFileParser()
    first_match.parse(lines)
    assert first_match.can_fetch("AnyBot", f"http://testserver{path}") is allowed
    assert _longest_match_allows(lines, path) is allowed


def _longest_match_allows(lines: list[str], path: str) -> bool:
    """RFC 9309: the longest matching rule wins; Allow wins a tie."""
    best = (-1, True)
    for line in lines:
        field, _, value = line.partition(":")
        value = value.strip()
        if field.strip().lower() in ("allow", "disallow") and value and path.startswith(value):
            allow = field.strip().lower() == "allow"
            if len(value) > best[0] or (len(value) == best[0] and allow):
                best = (len(value), allow)
    return best[1]


def _meta(page: str, prop: str) -> str:
    import re

    found = re.search(rf'<meta property="{re.escape(prop)}" content="([^"]*)"', page)
    assert found, prop
    return found.group(1)


def test_pact_and_debate_pages_have_open_graph_with_a_generated_card(demo, client):
    pact = Pact.objects.filter(status=Pact.Status.ACTIVE).first()
    debate = Debate.objects.filter(visibility=Debate.Visibility.PUBLIC).first()
    for url, title in [(pact.get_absolute_url(), pact.title), (debate.get_absolute_url(), debate.title)]:
        page = client.get(url).content.decode()
        assert _meta(page, "og:title") == title.replace("'", "&#x27;")
        assert _meta(page, "og:url") == f"http://testserver{url}"
        image_url = _meta(page, "og:image")
        assert image_url.startswith("http://testserver/") and image_url.endswith("/carte.png")
        assert _meta(page, "og:image:alt")
        response = client.get(image_url.removeprefix("http://testserver"))
        assert response.status_code == 200 and response["Content-Type"] == "image/png"
        image = Image.open(io.BytesIO(response.content))
        assert image.size == (1200, 630)
        low, high = image.convert("L").getextrema()
        assert high - low > 100, "a card with drawn text, not a blank image"


def test_a_draft_pact_card_is_not_public(client, db):
    draft = Pact.objects.filter(status=Pact.Status.DRAFT).first()
    if draft is None:
        call_command("load_demo", force=True, stdout=io.StringIO())
        draft = Pact.objects.filter(status=Pact.Status.DRAFT).first()
    if draft is not None:
        assert client.get(f"/pactes/{draft.pk}/carte.png").status_code == 404
    assert client.get("/pactes/999999/carte.png").status_code == 404
    assert client.get("/debats/nulle-part/carte.png").status_code == 404


def test_programme_pages_have_a_generated_og_image(build_programme, client):
    build_programme(engagements=1, news=1)

    page = client.get("/programme/").content.decode()

    image_url = _meta(page, "og:image")
    response = client.get(image_url.removeprefix("http://testserver"))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(response.content)).size == (1200, 630)


def test_the_card_of_an_unpublished_page_is_not_found(build_programme, client):
    from wagtail.models import Page

    _home, _programme, index = build_programme(engagements=1, news=2)
    news = index.get_children().first()
    news.unpublish()

    assert client.get(f"/carte/{news.pk}.png").status_code == 404
    assert client.get(f"/carte/{Page.objects.order_by('-pk').first().pk + 100}.png").status_code == 404
