"""Fixtures of the offer tests: offers in any status, the people who manage them."""

import pytest
from django.utils import timezone

from offres.models import Offer
from offres.search import offer_search_text
from tests.programme.conftest import build_programme, home  # noqa: F401 (the programme's fixtures)


@pytest.fixture
def make_offer(db):
    """``make_offer(title=..., status=..., **fields)`` -> an offer (published by default)."""

    def make(*, title="Atelier tricot", status=Offer.Status.PUBLISHED, **fields):
        fields.setdefault("summary", "Tricoter ensemble, débutants bienvenus.")
        if status in (Offer.Status.PUBLISHED, Offer.Status.TO_VERIFY):
            fields.setdefault("last_confirmed_at", timezone.now())
        offer = Offer.objects.create(title=title, status=status, **fields)
        # What the services keep when they save an offer: the words of the directory's search.
        offer.search_text = offer_search_text(offer)
        offer.save(update_fields=["search_text"])
        return offer

    return make


@pytest.fixture
def people(make_user, make_organisation, city_agent):
    """Everyone the matrix walks through: anonymous, a resident, an unverified account, the
    representative of the association running the offer, a mere member of it, the
    representative of another association, a city agent."""
    from types import SimpleNamespace

    from django.contrib.auth.models import AnonymousUser

    representative = make_user(display_name="Responsable")
    member = make_user(display_name="Adhérente")
    other = make_user(display_name="Autre association")
    association = make_organisation(name="Les Jardins partagés", representatives=[representative], members=[member])
    other_association = make_organisation(name="Amicale des locataires", representatives=[other])
    return SimpleNamespace(
        anonymous=AnonymousUser(),
        resident=make_user(display_name="Voisine"),
        unverified=make_user(verified=False, display_name="Pas confirmée"),
        representative=representative,
        member=member,
        other=other,
        city_agent=city_agent,
        association=association,
        other_association=other_association,
    )


@pytest.fixture
def offer_data(people):
    """What a valid publication form sends."""

    def data(**fields):
        return {
            "title": "Jardinage collectif",
            "kind": Offer.Kind.GROUP,
            "summary": "Semer et récolter ensemble.",
            "organisation": people.association,
            "cost": Offer.Cost.FREE,
            "audience": Offer.Audience.ALL,
            "screen_free": True,
            **fields,
        }

    return data
