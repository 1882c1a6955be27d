"""Engagement pages show their own figures of the current year."""

import pytest
from django.utils import timezone

from tests.evaluation import indicator_data

pytestmark = pytest.mark.django_db


def test_engagement_page_shows_its_own_figures_of_the_year(build_programme, make_user, client):
    _programme, engagements, _index = build_programme(engagements=2, actions=0, news=0)
    this_year = timezone.localdate().year
    indicator_data.build(make_user=make_user, engagements=engagements)
    author = make_user(display_name="Voix du quartier")
    first = indicator_data.debate(engagement=engagements[0])
    for day in (1, 2, 3):
        indicator_data.message(first, author, indicator_data.at(this_year, 1, day))
    indicator_data.message(indicator_data.debate(engagement=engagements[1]), author, indicator_data.at(this_year, 1, 4))

    response = client.get(engagements[0].url)

    assert response.status_code == 200
    (summary,) = response.context["indicators"]
    assert dict(map(tuple, summary["figure"].rows)) == {
        "debates": 1,
        "participants": 1,
        "messages": 3,
        "pacts_signed": 0,
        "commons": 1,  # the square under the pact signed in 2025, still in force
    }
    html = response.content.decode()
    assert 'id="indicators"' in html
    assert f"/tableau-de-bord/?engagement={engagements[0].number}" in html
