"""Search through Wagtail's search backend (database backend; PostgreSQL full-text on PostgreSQL)."""

import re

import pytest

from programme.models import EngagementPage

pytestmark = pytest.mark.django_db


def result_links(html: str) -> list[str]:
    block = re.search(r'<ol class="search-results"[^>]*>(.*?)</ol>', html, re.S)
    return re.findall(r'<h3><a href="([^"]+)"', block.group(1)) if block else []


def test_search_finds_an_engagement_by_a_word_of_its_principle(build_programme, client):
    build_programme(engagements=3)
    page = EngagementPage.objects.get(number=2)
    page.principle = "La ville installe des pergolas ombragées près des écoles."
    page.save_revision().publish()

    html = client.get("/recherche/", {"q": "pergolas"}).content.decode()

    assert result_links(html) == ["/programme/engagement-2/"]
    assert "1 résultat pour « pergolas »" in html


def test_search_ignores_drafts(build_programme, client):
    build_programme(engagements=2)
    page = EngagementPage.objects.get(number=1)
    page.principle = "Un mot très rare : zanzibarien."
    page.save_revision().publish()
    page.unpublish()

    html = client.get("/recherche/", {"q": "zanzibarien"}).content.decode()

    assert result_links(html) == []
    assert "0 résultat pour « zanzibarien »" in html


def test_search_without_a_query_shows_only_the_form(client, db):
    html = client.get("/recherche/").content.decode()

    assert '<input type="search"' in html
    assert "résultat" not in html


def test_search_cuts_an_oversized_query_and_survives_bad_page_numbers(build_programme, client):
    build_programme(engagements=1)

    long_query = client.get("/recherche/", {"q": "lien " * 2000})
    bad_page = client.get("/recherche/", {"q": "engagement", "page": "-3"})

    assert long_query.status_code == 200
    assert 'maxlength="200"' in long_query.content.decode()
    assert len(re.search(r'name="q" value="([^"]*)"', long_query.content.decode()).group(1)) <= 200
    assert bad_page.status_code == 200


def test_search_refuses_other_methods(client, db):
    assert client.post("/recherche/", {"q": "lien"}).status_code == 405


@pytest.mark.parametrize("query", ['" OR 1=1 --', "lien:* & !ville", "(((", "%_\\", "<script>alert(1)</script>"])
def test_search_treats_operators_and_markup_as_plain_text(build_programme, client, query):
    build_programme(engagements=1)

    response = client.get("/recherche/", {"q": query})

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
