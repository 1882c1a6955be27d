"""The pages residents see cost a fixed number of queries, whatever the amount of content."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from programme.models import EngagementPage, NewsPage
from tests.programme.conftest import action, publish

pytestmark = pytest.mark.django_db

PAGES = ["/", "/programme/", "/programme/engagement-2/", "/actualites/", "/actualites/item-1/"]


def count_queries(client, path: str) -> int:
    client.get(path)  # warm the per-process caches (content types), as a running site has them
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


def grow(programme, index, *, engagements: int, actions: int, news: int) -> None:
    for page in EngagementPage.objects.all():
        page.actions = [action(f"Action {i}", "done" if i % 2 else "planned") for i in range(actions)]
        page.save_revision().publish()
    for number in range(EngagementPage.objects.count() + 1, engagements + 1):
        publish(
            programme,
            EngagementPage(
                title=f"Engagement {number}",
                slug=f"engagement-{number}",
                number=number,
                actions=[action(f"Action {i}") for i in range(actions)],
            ),
        )
    engagement = EngagementPage.objects.get(number=2)
    for i in range(NewsPage.objects.count() + 1, news + 1):
        item = NewsPage(title=f"Item {i}", slug=f"item-{i}", date=datetime.date(2026, 1, 1), engagement=engagement)
        item.tags.add(f"tag {i}", "commun")
        publish(index, item)


def test_page_queries_do_not_grow_with_engagements_actions_or_news(
    build_programme, client, django_assert_max_num_queries
):
    programme, _, index = build_programme(engagements=2, actions=1, news=0)
    grow(programme, index, engagements=2, actions=1, news=1)
    small = {path: count_queries(client, path) for path in PAGES}

    grow(programme, index, engagements=10, actions=8, news=25)
    large = {path: count_queries(client, path) for path in PAGES}

    assert large == small
    # 17 with the site in two languages: Wagtail looks up the active locale to find the home page
    # of the language, and the page's translations (hreflang, the switch) cost one query; an
    # engagement's page lists the offers that serve it (one query, whatever their number).
    for path in PAGES:
        with django_assert_max_num_queries(17):
            client.get(path)
