"""The referrals figure of the indicators (engagement 10): made, came and kept, by kind of offer,
withheld under the minimum group size, on the dashboard and in the open data."""

import pytest
from django.test import override_settings
from django.utils import timezone

from evaluation.indicators import Indicators
from offres.models import Offer
from orientation import services
from orientation.models import FollowUp


def _row(rows, kind):
    return next(list(row) for row in rows if row[0] == kind)


def _refer(connector, team_member, offer, *, came: int, kept: int, total: int):
    for i in range(total):
        referral, _token = services.referral_create(
            actor=connector, offer_ids=[offer.pk], first_name=f"Personne {chr(65 + i)}", contact="", consent_given=True
        )
        line = referral.lines.get()
        if i < came:
            services.attendance_mark(actor=team_member, line=line, outcome="came", on=timezone.localdate())
        if i < kept:
            FollowUp.objects.filter(line=line, months=3).update(outcome="still_going", recorded_at=timezone.now())


@override_settings(INDICATORS_MIN_GROUP=3)
def test_made_came_and_kept_by_kind_with_small_numbers_withheld(connector, team_member, offer):
    _refer(connector, team_member, offer, came=4, kept=2, total=6)
    figure = Indicators(year=timezone.localdate().year).referrals()
    assert _row(figure.rows, "group") == ["group", 6, 4, None]
    assert _row(figure.rows, "activity") == ["activity", 0, 0, 0]
    assert [row[0] for row in figure.rows] == list(Offer.Kind.values)
    assert figure.suppressed == 1
    assert dict(figure.labelled_rows())["Groupe régulier"] == ["6", "4", "—"]


@override_settings(INDICATORS_MIN_GROUP=3)
def test_a_deleted_referral_is_not_counted_an_erased_one_is(client, connector, team_member, offer):
    _refer(connector, team_member, offer, came=0, kept=0, total=4)
    referral, token = services.referral_create(
        actor=connector, offer_ids=[offer.pk], first_name="Zoé", contact="", consent_given=True
    )
    services.referral_delete_by_person(token=token)
    type(referral).objects.filter(connector=connector).update(erased_at=timezone.now(), first_name="", connector=None)
    assert _row(Indicators(year=timezone.localdate().year).referrals().rows, "group") == ["group", 4, 0, 0]


def test_the_figure_is_one_query(connector, team_member, offer, django_assert_num_queries):
    _refer(connector, team_member, offer, came=1, kept=1, total=2)
    indicators = Indicators(year=timezone.localdate().year)
    with django_assert_num_queries(1):
        indicators.referrals()


@pytest.mark.parametrize("n", [1, 6])
def test_the_dashboard_shows_it(client, connector, team_member, offer, n):
    _refer(connector, team_member, offer, came=n, kept=0, total=n)
    body = client.get("/tableau-de-bord/").content.decode()
    assert "Orientations vers les offres par les connecteurs" in body
    data = client.get("/tableau-de-bord/indicateurs.json").json()
    figure = next(f for f in data["figures"] if f["key"] == "referrals")
    assert _row(figure["rows"], "group") == ["group", n if n >= 5 else None, n if n >= 5 else None, 0]
