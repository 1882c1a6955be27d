"""The programme pages through the HTTP client: what a visitor sees."""

import re

import pytest
from django.core.exceptions import ValidationError
from wagtail import hooks

from programme import linked
from programme.models import EngagementPage, ProgrammePage, StandardPage
from tests.programme.conftest import action, publish

pytestmark = pytest.mark.django_db


def links_in(html: str, css_class: str) -> list[str]:
    block = re.search(rf'<ol class="{css_class}">(.*?)</ol>', html, re.S).group(1)
    return re.findall(r'<a href="([^"]+)"', block)


def test_programme_lists_exactly_the_ten_engagements_in_order(build_programme, client):
    programme, engagements, _ = build_programme(engagements=10)
    # Created out of order in the tree: the page still lists them by number.
    engagements[0].move(programme, pos="last-child")

    html = client.get("/programme/").content.decode()

    assert links_in(html, "engagement-list") == [f"/programme/engagement-{n}/" for n in range(1, 11)]
    for page in engagements:
        assert client.get(page.url).status_code == 200


def test_programme_hides_a_draft_engagement(build_programme, client):
    _, engagements, _ = build_programme(engagements=3)
    engagements[1].unpublish()

    html = client.get("/programme/").content.decode()

    assert links_in(html, "engagement-list") == ["/programme/engagement-1/", "/programme/engagement-3/"]
    assert client.get("/programme/engagement-2/").status_code == 404


def test_engagement_page_shows_its_actions_with_their_status(build_programme, client):
    build_programme(engagements=2)
    page = EngagementPage.objects.get(number=2)
    page.actions = [
        action("Des bancs place du marché", "done", department="Espace public", start_date="2026-01-05"),
        action("Un café des habitants", "in_progress"),
        action("Un jardin partagé", "planned"),
    ]
    page.save_revision().publish()

    html = client.get("/programme/engagement-2/").content.decode()

    for title, label in [
        ("Des bancs place du marché", "Réalisée"),
        ("Un café des habitants", "En cours"),
        ("Un jardin partagé", "Prévue"),
    ]:
        assert re.search(rf"{title}</h3>\s*<p class=\"action__status\"><span class=\"badge[^\"]*\">{label}<", html)
    assert "Espace public" in html
    assert '<progress max="3" value="1"' in html
    assert "1 action réalisée sur 3" in html


def test_engagement_page_links_its_published_neighbours_and_breadcrumbs(build_programme, client):
    _, engagements, _ = build_programme(engagements=4)
    engagements[0].unpublish()
    engagements[2].unpublish()

    html = client.get("/programme/engagement-2/").content.decode()

    assert 'rel="prev"' not in html
    assert 'href="/programme/engagement-4/" rel="next"' in html
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    assert re.findall(r'href="([^"]+)"', crumbs) == ["/", "/programme/", "/programme/engagement-2/"]
    assert 'aria-current="page">Engagement numéro 2<' in crumbs


def test_engagement_page_without_linked_debates_or_pacts_says_so(build_programme, client):
    build_programme(engagements=1)

    html = client.get("/programme/engagement-1/").content.decode()

    assert "Aucun débat n’est encore lié à cet engagement." in html
    assert "Aucun pacte de collaboration n’est encore lié à cet engagement." in html


def test_home_shows_the_engagement_tiles_and_latest_news(build_programme, client):
    build_programme(engagements=10, news=5)

    html = client.get("/").content.decode()

    tiles = re.search(r'<ol class="cards engagement-tiles">(.*?)</ol>', html, re.S).group(1)
    assert re.findall(r'<a href="([^"]+)"', tiles) == [f"/programme/engagement-{n}/" for n in range(1, 11)]
    # The three latest of five news items, newest first.
    assert re.findall(r">(Nouvelle \d)</a>", html) == ["Nouvelle 4", "Nouvelle 3", "Nouvelle 2"]


def test_news_index_filters_by_tag_and_paginates(build_programme, client):
    build_programme(engagements=1, news=12)

    first = client.get("/actualites/").content.decode()
    second = client.get("/actualites/?page=2").content.decode()
    tagged = client.get("/actualites/", {"tag": "thème 1"}).content.decode()

    assert first.count('class="news-item"') == 10
    assert second.count('class="news-item"') == 2
    # Items 1, 4, 7, 10 carry "thème 1".
    assert tagged.count('class="news-item"') == 4
    assert "Nouvelle 4" in tagged and "Nouvelle 5" not in tagged


def test_news_index_survives_bad_page_and_tag_parameters(build_programme, client):
    build_programme(engagements=1, news=2)

    assert client.get("/actualites/?page=abc").status_code == 200
    assert client.get("/actualites/?page=999").status_code == 200
    response = client.get("/actualites/", {"tag": "x" * 5000})
    assert response.status_code == 200
    assert "Aucune actualité pour le moment." in response.content.decode()


def test_news_page_shows_its_engagement_and_tags(build_programme, client):
    _, engagements, index = build_programme(engagements=2, news=1)
    news = index.get_children().specific().get()

    html = client.get(news.url).content.decode()

    assert f'href="/programme/engagement-1/">1. {engagements[0].title}</a>' in html
    assert 'href="/actualites/?tag=quartier"' in html
    # And the engagement page lists the news item about it.
    assert news.title in client.get("/programme/engagement-1/").content.decode()


def test_standard_page_is_served_at_its_slug(standard_page, client):
    response = client.get("/charte/")

    assert response.status_code == 200
    assert "Charte de participation" in response.content.decode()


def test_linked_lists_are_empty_while_no_app_registers_a_hook(build_programme, rf, monkeypatch):
    monkeypatch.setattr(hooks, "_hooks", {})
    monkeypatch.setattr(hooks, "_searched_for_hooks", True)

    assert linked.debates_for_home(user=None, limit=3) == []
    assert linked.latest_pacts(limit=3) == []
    assert linked.engagement_sections(page=None, request=rf.get("/")) == []


def test_linked_lists_call_the_functions_apps_register(db):
    with hooks.register_temporarily(linked.LATEST_PACTS, lambda *, limit: ["a", "b", "c"][:limit]):
        assert linked.latest_pacts(limit=2) == ["a", "b"]


def test_page_meta_has_description_open_graph_and_canonical(build_programme, client):
    build_programme(engagements=1)

    html = client.get("/programme/engagement-1/").content.decode()

    assert '<meta name="description" content="Résumé de l’engagement 1.">' in html
    assert '<meta property="og:title" content="Engagement numéro 1">' in html
    assert '<meta property="og:type" content="website">' in html
    assert re.search(r'<link rel="canonical" href="http://[^"]+/programme/engagement-1/">', html)


def test_news_page_meta_is_an_article(build_programme, client):
    _, _, index = build_programme(engagements=1, news=1)

    html = client.get(index.get_children().get().url).content.decode()

    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="article:published_time" content="2026-01-01">' in html


def test_engagement_page_is_in_english_when_asked(build_programme, client):
    build_programme(engagements=1)
    client.cookies["vdl_language"] = "en"

    # The choice sends the French address to the English site, where the untranslated page is
    # shown in French with the interface in English.
    html = client.get("/programme/engagement-1/", follow=True).content.decode()

    assert "What the city does" in html
    assert "Ce que fait la ville" not in html


@pytest.mark.parametrize("number", [0, 11])
def test_engagement_number_outside_one_to_ten_is_refused(home, number):
    programme = publish(home, ProgrammePage(title="P", slug="p"))
    page = EngagementPage(title="Hors programme", slug="hors", number=number)
    with pytest.raises(ValidationError) as error:
        programme.add_child(instance=page)
    assert "number" in error.value.message_dict


def test_main_menu_marks_the_current_section(build_programme, client):
    build_programme(engagements=1, news=1)

    engagement = client.get("/programme/engagement-1/").content.decode()
    news = client.get("/actualites/").content.decode()

    assert '<a href="/programme/" aria-current="true">Programme</a>' in engagement
    assert '<a href="/actualites/" aria-current="page">Actualités</a>' in news
    assert '<a href="/programme/">Programme</a>' in news


def test_breadcrumb_trail_outside_a_request_asks_the_tree(build_programme):
    _, engagements, _ = build_programme(engagements=2)
    page = EngagementPage.objects.get(pk=engagements[1].pk)  # not reached through routing

    assert [ancestor.url for ancestor in page.breadcrumb_trail] == ["/", "/programme/"]


def test_a_child_of_another_type_under_the_programme_is_still_served(build_programme, client):
    programme, _, _ = build_programme(engagements=1)
    # The admin would refuse it (subpage_types); an older tree or a script may still hold one.
    publish(programme, StandardPage(title="Annexe du programme", slug="annexe"))

    response = client.get("/programme/annexe/")

    assert response.status_code == 200
    assert "Annexe du programme" in response.content.decode()
    assert client.get("/programme/inconnue/").status_code == 404


def test_a_private_engagement_is_left_out_of_every_list(build_programme, client):
    from wagtail.models import PageViewRestriction

    _, engagements, _ = build_programme(engagements=3, news=3)
    PageViewRestriction.objects.create(
        page=engagements[1], restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    programme = client.get("/programme/").content.decode()
    home = client.get("/").content.decode()
    neighbour = client.get("/programme/engagement-1/").content.decode()
    found = client.get("/recherche/", {"q": "Engagement"}).content.decode()

    assert links_in(programme, "engagement-list") == ["/programme/engagement-1/", "/programme/engagement-3/"]
    assert "/programme/engagement-2/" not in home
    assert "/programme/engagement-2/" not in neighbour
    assert "/programme/engagement-2/" not in found
    assert "/programme/engagement-3/" in found
    assert "Engagement numéro 2" not in client.get("/programme/engagement-2/").content.decode()


def test_engagement_and_home_pages_list_the_debates_the_debates_app_links(build_programme, client):
    from debates.models import Debate

    _, engagements, _ = build_programme(engagements=2)
    Debate.objects.create(
        title="Partager la place du marché",
        slug="place-du-marche",
        question="Comment partager la place ?",
        engagement=engagements[1],
        status=Debate.Status.OPEN,
    )

    engagement_html = client.get("/programme/engagement-2/").content.decode()
    other_html = client.get("/programme/engagement-1/").content.decode()
    home_html = client.get("/").content.decode()

    for html in (engagement_html, home_html):
        assert re.search(
            r'<a href="/debats/place-du-marche/">Partager la place du marché</a> <span class="badge">', html
        )
    assert "Partager la place du marché" not in other_html


def test_programme_page_sums_up_the_progress_of_every_engagement(build_programme, client):
    build_programme(engagements=10, actions=3)  # statuses cycle: 10 planned, 10 in progress, 10 done

    html = client.get("/programme/").content.decode()

    summary = re.search(r'<section class="programme-progress".*?</section>', html, re.S).group(0)
    assert '<progress max="30" value="10"' in summary
    assert "10 actions réalisées sur 30, 10 en cours" in summary
