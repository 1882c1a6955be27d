"""Each indicator's value over known data (tests/evaluation/indicator_data.py), the year and
engagement filters, and the withholding of small groups."""

import pytest
from django.test import override_settings

from evaluation.indicators import Figure, Indicators
from tests.evaluation import indicator_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def known(build_programme, make_user):
    _programme, engagements, _index = build_programme(engagements=2, actions=0, news=0)
    return indicator_data.build(make_user=make_user, engagements=engagements)


def rows(figure: Figure) -> dict:
    return {code: values[0] if len(values) == 1 else values for code, *values in figure.rows}


def test_key_figures_of_a_year_count_only_that_year(known):
    figures = rows(Indicators(year=2025).key_figures())

    assert figures == {
        "debates": 3,
        "participants": 7,
        "messages": 9,
        "pacts_signed": 1,
        "commons": 2,
        "moderated_share": 33.3,  # 3 of 9 messages got a decision
        "moderated_automatic": 2,
        "moderated_human": 2,
        "median_decision": 945,  # people decided after 90 s and 1,800 s
        "appeals": 2,
        "reports_on_time": 1,
        "reports_late": 1,
        "volunteers": 10,
        "hours": 160,
        # No call for volunteers in this data (tests/benevolat/test_indicators.py has some).
        "call_volunteers": 0,
        "call_hours": 0,
    }
    assert list(figures)[:3] == ["debates", "participants", "messages"]


def test_pact_reports_on_time_and_late_with_volunteers_and_hours(known):
    indicators = Indicators(year=2025)

    assert indicators.pact_reports().rows == [["Centre", 1, 0], ["Nord", 0, 1]]
    assert indicators.volunteering().rows == [["Centre", 6, 120, 0, 0], ["Nord", 4, 40, 0, 0]]
    assert Indicators(year=2024).pact_reports().rows == [["Nord", 1, 0]]
    assert Indicators(year=2025, engagement=2).volunteering().rows == [["Nord", 4, 40, 0, 0]]


def test_key_figures_of_the_previous_year(known):
    figures = rows(Indicators(year=2024).key_figures())

    assert figures["debates"] == 1
    assert figures["messages"] == 2
    assert figures["median_decision"] == 3600
    assert figures["appeals"] == 1
    assert figures["pacts_signed"] == 1
    # The northern garden was under two pacts in 2024 (one ended in June, one signed in
    # September): it counts once.
    assert figures["commons"] == 1


def test_messages_by_month(known):
    figure = Indicators(year=2025).messages_by_month()

    assert [value for _month, value in figure.rows] == [0, 0, 3, 3, 2, 1, 0, 0, 0, 0, 0, 0]
    assert figure.labelled_rows()[2][0].lower() in {"march", "mars"}


def test_moderation_automatic_and_human(known):
    assert rows(Indicators(year=2025).moderation()) == {"automatic": 2, "human": 2}


def test_appeals_by_outcome(known):
    assert rows(Indicators(year=2025).appeals()) == {"pending": 1, "upheld": 0, "dismissed": 1}
    assert rows(Indicators(year=2024).appeals()) == {"pending": 0, "upheld": 1, "dismissed": 0}


def test_pacts_by_status_at_the_end_of_the_year(known):
    figure = rows(Indicators(year=2025).pacts_by_status())

    # The pact in co-design since January 2026 was in consultation at the end of 2025; the pact
    # submitted in 2026 and the draft are not counted.
    assert figure["consultation"] == 1
    assert figure["co_design"] == 0
    assert figure["active"] == 2
    assert figure["ended"] == 1
    assert sum(figure.values()) == 4
    assert "draft" not in figure


def test_pacts_by_neighbourhood(known):
    assert rows(Indicators(year=2025).by_neighbourhood()) == {"Centre": [1, 1, 1], "Nord": [1, 0, 1]}


def test_debates_and_pacts_by_engagement(known):
    figure = Indicators(year=2025).by_engagement()

    assert figure.rows == [[1, 1, 1], [2, 1, 0], [None, 1, 0]]
    assert figure.engagement is None


def test_age_bands_withhold_groups_smaller_than_the_threshold(known):
    figure = Indicators(year=2025).age_bands()

    # Five people in their thirties posted; one in their sixties posted and one person of 18–29
    # signed: those two bands are withheld. The person who gave no consent is not counted.
    assert figure.rows == [["18_29", None], ["30_44", 5], ["60_74", None]]
    assert figure.suppressed == 2
    shown = [values[0] for _label, values in figure.labelled_rows()]
    assert shown[1] == "5"
    assert shown[0] == shown[2] != "1"


@override_settings(INDICATORS_MIN_GROUP=1)
def test_age_bands_show_every_group_at_or_above_the_threshold(known):
    figure = Indicators(year=2025).age_bands()

    assert figure.rows == [["18_29", 1], ["30_44", 5], ["60_74", 1]]
    assert figure.suppressed == 0


@override_settings(INDICATORS_MIN_GROUP=6)
def test_age_bands_withhold_a_group_just_below_the_threshold(known):
    figure = Indicators(year=2025).age_bands()

    assert figure.rows == [["18_29", None], ["30_44", None], ["60_74", None]]
    assert figure.suppressed == 3


def test_an_engagement_sees_only_its_debates_and_pacts(known):
    indicators = Indicators(year=2025, engagement=1)

    assert rows(indicators.summary()) == {
        "debates": 1,
        "participants": 5,
        "messages": 6,
        "pacts_signed": 1,
        "commons": 1,
    }
    assert rows(indicators.moderation()) == {"automatic": 1, "human": 2}
    assert rows(indicators.appeals()) == {"pending": 0, "upheld": 0, "dismissed": 1}
    assert rows(indicators.age_bands()) == {"30_44": 5, "18_29": None}
    assert indicators.summary().engagement == 1


def test_a_year_without_data_gives_zeros_and_no_median(known):
    figures = rows(Indicators(year=2027).key_figures())

    assert figures["messages"] == 0
    assert figures["moderated_share"] is None
    assert figures["median_decision"] is None
    assert Indicators(year=2027).age_bands().rows == []


def test_a_figure_survives_its_json_form(known):
    figure = Indicators(year=2025).by_neighbourhood()

    again = Figure.from_data(figure.as_data())

    assert again == figure
    assert again.labelled_rows() == figure.labelled_rows()


def test_an_unknown_figure_is_refused(known):
    with pytest.raises(KeyError):
        Indicators(year=2025).figure("nothing")
