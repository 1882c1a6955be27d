"""The calls for volunteers in the « volunteers and hours » indicators: beside what the pacts'
reports say, never added to it; by the year of the acceptance or of the hours; by engagement.
And the yearly report's figures frozen before these columns existed still show."""

import datetime as dt

import pytest
from django.utils import timezone

from benevolat.models import Answer, GivenHours
from benevolat.services import answer_create, answer_decide, hours_record
from evaluation.indicators import Figure, Indicators
from pactes.models import PactReport

pytestmark = pytest.mark.django_db


def _accept(world, call, person, organiser):
    return answer_decide(actor=organiser, answer=answer_create(actor=person, call=call), accept=True)


@pytest.fixture
def volunteered(world, offer_call, pact_call, make_user):
    """This year: on the offer's call (Centre) two volunteers accepted, 5.5 hours; on the pact's
    call one volunteer accepted (the resident again), 2 hours; one declined and one waiting."""
    today = timezone.localdate()
    first = _accept(world, offer_call, world.resident, world.proponent)
    second = _accept(world, offer_call, world.member, world.proponent)
    hours_record(actor=world.proponent, answer=first, date=today, hours="3.5")
    hours_record(actor=world.proponent, answer=second, date=today, hours="2")
    third = _accept(world, pact_call, world.resident, world.other_party)
    hours_record(actor=world.other_party, answer=third, date=today, hours="2")
    answer_decide(actor=world.other_party, answer=answer_create(actor=make_user(), call=pact_call), accept=False)
    answer_create(actor=make_user(), call=pact_call)
    world.pact.commons.neighbourhood = "Nord"
    world.pact.commons.save()
    return today.year


def test_calls_count_their_volunteers_and_hours_by_neighbourhood(world, volunteered):
    indicators = Indicators(year=volunteered)
    rows = {code: values for code, *values in indicators.volunteering().rows}
    assert rows == {"Centre": [0, 0, 2, 5.5], "Nord": [0, 0, 1, 2]}
    key = dict(map(tuple, indicators.key_figures().rows))
    # The resident volunteers on two calls in two neighbourhoods: counted in each.
    assert key["call_volunteers"] == 3 and key["call_hours"] == 7.5
    assert key["volunteers"] == 0 and key["hours"] == 0


def test_the_pacts_reports_stay_apart_and_are_never_added_to_the_calls(world, volunteered):
    today = timezone.localdate()
    PactReport.objects.create(
        pact=world.pact,
        period=1,
        period_start=today.replace(month=1, day=1),
        period_end=today,
        actions="Goûters",
        results="Beaucoup de monde",
        volunteers=5,
        hours=40,
    )
    from pactes.models import Pact

    Pact.objects.filter(pk=world.pact.pk).update(submitted_at=timezone.now())
    indicators = Indicators(year=volunteered)
    rows = {code: values for code, *values in indicators.volunteering().rows}
    assert rows["Nord"] == [5, 40, 1, 2]
    key = dict(map(tuple, indicators.key_figures().rows))
    assert (key["volunteers"], key["hours"], key["call_volunteers"], key["call_hours"]) == (5, 40, 3, 7.5)


def test_volunteers_and_hours_count_in_the_year_they_happened(world, volunteered):
    assert Indicators(year=volunteered - 1).volunteering().rows == []
    # Accepted last year, hours this year: counted this year; nothing last year but the acceptance.
    answer = Answer.objects.filter(status="accepted").first()
    last_year = timezone.now() - dt.timedelta(days=370)
    Answer.objects.filter(pk=answer.pk).update(accepted_at=last_year)
    assert Indicators(year=last_year.year).volunteering().rows != []
    GivenHours.objects.all().delete()
    Answer.objects.exclude(pk=answer.pk).update(accepted_at=last_year)
    assert Indicators(year=volunteered).volunteering().rows == []


def test_the_engagement_filter_follows_the_offer_s_engagements_and_the_pact_s(world, volunteered, build_programme):
    _programme, engagements, _index = build_programme(engagements=2, actions=0, news=0)
    world.offer.engagements.add(engagements[0])
    # The pact has no engagement: its call counts for none.
    rows = {
        code: values
        for code, *values in Indicators(year=volunteered, engagement=engagements[0].number).volunteering().rows
    }
    assert rows == {"Centre": [0, 0, 2, 5.5]}
    assert Indicators(year=volunteered, engagement=engagements[1].number).volunteering().rows == []


def test_a_figure_frozen_before_the_calls_were_counted_shows_a_dash_for_them():
    figure = Figure.from_data({"key": "volunteering", "year": 2025, "rows": [["Centre", 6, 120]]})
    ((_label, values),) = figure.labelled_rows()
    assert values[:2] == ["6", "120"] and values[2:] == ["—", "—"]


def test_the_dashboard_shows_the_calls_columns(client, world, volunteered, django_assert_max_num_queries):
    response = client.get("/tableau-de-bord/", {"annee": volunteered})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bénévoles (appels)" in html and "Heures données sur les appels à bénévoles" in html
    assert "5,5" in html
