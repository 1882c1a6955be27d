"""Parent/child rules: an editor can only build a sensible tree."""

import pytest
from django.urls import reverse

from programme.models import EngagementPage, HomePage, NewsIndexPage, NewsPage, ProgrammePage, StandardPage
from tests.programme.conftest import publish

pytestmark = pytest.mark.django_db

ALLOWED = {
    ProgrammePage: {"home"},
    NewsIndexPage: {"home"},
    StandardPage: {"home", "standard"},
    EngagementPage: {"programme"},
    NewsPage: {"news"},
}


@pytest.fixture
def tree(home):
    return {
        "home": home,
        "programme": publish(home, ProgrammePage(title="Programme", slug="programme")),
        "news": publish(home, NewsIndexPage(title="Actualités", slug="actualites")),
        "standard": publish(home, StandardPage(title="Mentions légales", slug="mentions-legales")),
    }


@pytest.mark.parametrize("page_type", list(ALLOWED), ids=lambda t: t.__name__)
def test_page_type_can_only_be_created_under_its_allowed_parents(tree, page_type):
    # One programme and one news index exist already: their max_count is reached, so only the
    # other types can still be added; the parent rule is what the others check.
    for name, parent in tree.items():
        expected = name in ALLOWED[page_type] and page_type not in {ProgrammePage, NewsIndexPage}
        assert page_type.can_create_at(parent) is expected, (page_type.__name__, name)


def test_programme_and_news_index_are_allowed_once_under_the_home_page_only(home):
    assert ProgrammePage.can_create_at(home) and NewsIndexPage.can_create_at(home)
    programme = publish(home, ProgrammePage(title="Programme", slug="programme"))
    assert not ProgrammePage.can_create_at(home)
    assert not ProgrammePage.can_create_at(programme)
    assert not HomePage.can_create_at(home)


def test_admin_refuses_an_engagement_under_the_home_page(tree, client_for, superuser):
    client = client_for(superuser)
    refused_url = reverse("wagtailadmin_pages:add", args=("programme", "engagementpage", tree["home"].pk))

    refused = client.get(refused_url)
    posted = client.post(refused_url, {"title": "Hors programme", "slug": "hors", "number": 3, "action-publish": "1"})
    allowed = client.get(reverse("wagtailadmin_pages:add", args=("programme", "engagementpage", tree["programme"].pk)))

    # Wagtail's admin answers a refused permission with a redirect to its dashboard.
    assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))
    assert (posted.status_code, posted["Location"]) == (302, reverse("wagtailadmin_home"))
    assert not EngagementPage.objects.exists()
    assert allowed.status_code == 200


def test_admin_offers_only_the_allowed_child_types(tree, client_for, superuser):
    client = client_for(superuser)

    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=(tree["programme"].pk,)))

    # A single allowed type: Wagtail goes straight to its creation form.
    assert response.status_code == 302
    assert response["Location"].endswith(f"/pages/add/programme/engagementpage/{tree['programme'].pk}/")
