"""RSS and Atom feeds, sitemap.xml, robots.txt."""

import datetime
from email.utils import parsedate_to_datetime

import defusedxml.ElementTree as ET
import pytest

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_rss_feed_is_valid_rss_2(build_programme, client):
    build_programme(engagements=1, news=3)

    response = client.get("/actualites/rss.xml")

    assert response["Content-Type"].startswith("application/rss+xml")
    rss = ET.fromstring(response.content)
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    for required in ["title", "link", "description"]:
        assert channel.findtext(required), required
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Nouvelle 2", "Nouvelle 1", "Nouvelle 0"]
    for item in items:
        assert item.findtext("link").startswith("http://testserver/actualites/nouvelle-")
        assert item.findtext("guid") == item.findtext("link")
        published = parsedate_to_datetime(item.findtext("pubDate"))  # RFC 822, as RSS requires
        assert published.tzinfo is not None
        assert "quartier" in [category.text for category in item.findall("category")]
    assert parsedate_to_datetime(items[0].findtext("pubDate")).date() == datetime.date(2026, 1, 3)


def test_atom_feed_is_valid_atom(build_programme, client):
    build_programme(engagements=1, news=2)

    response = client.get("/actualites/atom.xml")

    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    # RFC 4287: a feed has id, title and updated; so does each entry, with a link.
    for required in ["id", "title", "updated"]:
        assert feed.findtext(f"{ATOM}{required}"), required
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 2
    for entry in entries:
        for required in ["id", "title", "updated"]:
            assert entry.findtext(f"{ATOM}{required}"), required
        datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
        assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/actualites/")


def test_feed_leaves_out_unpublished_news(build_programme, client):
    _, _, index = build_programme(engagements=1, news=2)
    index.get_children().get(title="Nouvelle 1").unpublish()

    rss = ET.fromstring(client.get("/actualites/rss.xml").content)

    assert [item.findtext("title") for item in rss.iter("item")] == ["Nouvelle 0"]


def test_feed_without_a_news_index_is_not_found(client, db):
    assert client.get("/actualites/rss.xml").status_code == 404


def test_sitemap_lists_the_programme_and_its_engagements(build_programme, client):
    build_programme(engagements=3, news=1)

    sitemap = ET.fromstring(client.get("/sitemap.xml").content)

    urls = {url.findtext(f"{SITEMAP}loc") for url in sitemap.iter(f"{SITEMAP}url")}
    for path in ["/", "/programme/", "/programme/engagement-1/", "/programme/engagement-3/", "/actualites/"]:
        assert any(url.endswith(path) for url in urls), path


def test_robots_txt_points_to_the_sitemap_and_keeps_the_admin_out(client, db):
    response = client.get("/robots.txt")

    body = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/\n" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body
