"""The demo offers (through the services, idempotent, with the titles the other apps rely on),
and the offers' figures on the dashboard and in the yearly report."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from evaluation.indicators import Indicators
from offres.demo import GARDENING, SUGGESTION, TO_VERIFY, WALK
from offres.models import Offer, OfferEvent

pytestmark = pytest.mark.django_db


def _load():
    call_command("load_demo", force=True, stdout=io.StringIO())


def test_demo_loads_about_twenty_offers_across_the_neighbourhoods_and_loading_twice_changes_nothing():
    _load()
    listed = Offer.objects.filter(status__in=[Offer.Status.PUBLISHED, Offer.Status.TO_VERIFY])
    assert 18 <= listed.count() <= 25
    assert set(listed.values_list("neighbourhood", flat=True)) == {
        "Centre",
        "Quartier des Fleurs",
        "Les Rives",
        "La Gare",
    }
    garden = Offer.objects.get(title=GARDENING)
    assert (garden.kind, garden.organisation.slug, garden.cost, garden.audience) == (
        "group",
        "jardins-partages",
        "free",
        "all",
    )
    assert garden.screen_free and garden.companion_first_visit and garden.status == Offer.Status.PUBLISHED
    assert timezone.localtime(garden.starts_at).weekday() == 5 and timezone.localtime(garden.starts_at).hour == 10
    assert timezone.localtime(garden.ends_at).hour == 12 and garden.recurrence == Offer.Recurrence.WEEKLY
    walk = Offer.objects.get(title=WALK)
    assert (walk.kind, walk.organisation.slug, walk.cost, walk.audience) == ("activity", "ville", "free", "seniors")
    start = timezone.localtime(walk.starts_at)
    assert walk.screen_free and start.weekday() == 3 and (start.hour, start.minute) == (9, 30)
    assert (timezone.localtime(walk.ends_at).hour, timezone.localtime(walk.ends_at).minute) == (11, 0)
    assert Offer.objects.get(title=TO_VERIFY).status == Offer.Status.TO_VERIFY
    assert Offer.objects.get(title=SUGGESTION).status == Offer.Status.SUGGESTED
    counts = (Offer.objects.count(), OfferEvent.objects.count())
    _load()
    assert (Offer.objects.count(), OfferEvent.objects.count()) == counts


def test_offers_by_neighbourhood_and_audience_count_the_offers_listed_at_the_end_of_the_year(make_offer):
    make_offer(title="A", neighbourhood="Centre", screen_free=True)
    make_offer(title="B", neighbourhood="Centre", cost=Offer.Cost.PRICE, audience=Offer.Audience.SENIORS)
    make_offer(title="C", neighbourhood="La Gare", status=Offer.Status.TO_VERIFY, companion_first_visit=True)
    make_offer(title="D", neighbourhood="La Gare", status=Offer.Status.SUGGESTED)
    make_offer(title="E", neighbourhood="La Gare", status=Offer.Status.WITHDRAWN)
    indicators = Indicators(year=timezone.localdate().year)
    assert indicators.offers_by_neighbourhood().rows == [["Centre", 2, 1, 1], ["La Gare", 1, 1, 0]]
    assert indicators.offers_by_audience().rows == [["all", 2, 1], ["seniors", 1, 0]]
    # Before the offers existed, nothing.
    assert Indicators(year=timezone.localdate().year - 1).offers_by_neighbourhood().rows == []


def test_the_dashboard_shows_the_offers_figures(client, make_offer):
    make_offer(title="A", neighbourhood="Centre")
    page = client.get("/tableau-de-bord/").content.decode()
    assert "Offres qui font lien par quartier" in page and "Offres qui font lien par public" in page
