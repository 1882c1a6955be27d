"""Fixtures of the volunteering tests: the people around an offer and an active pact, and calls
on each. The pact fixtures (``people``, ``make_pact``) are those of the pact tests."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils import timezone

from benevolat.models import Call
from benevolat.services import CallText, call_publish
from offres.models import Offer
from pactes.models import Pact
from tests.pactes.conftest import make_pact, people  # noqa: F401 (fixtures)
from tests.programme.conftest import build_programme, home  # noqa: F401 (fixtures)


def call_text(**changes) -> CallText:
    today = timezone.localdate()
    fields = {
        "title": "Accueillir les nouveaux jardiniers",
        "schedule": "Le samedi de 10 h à 12 h",
        "starts_on": today,
        "ends_on": today + dt.timedelta(days=60),
        "commitment": Call.Commitment.REGULAR,
        "duration": "Deux heures, un samedi sur deux",
        "places": 2,
        "welcome": "Une jardinière vous accompagne le premier samedi.",
        "training": "Les bases du jardinage au naturel.",
        "description": "Montrer le jardin aux personnes qui viennent pour la première fois.",
    }
    fields.update(changes)
    return CallText(**fields)


@pytest.fixture
def make_offer(make_organisation):
    def make(*, organisation=None, status=Offer.Status.PUBLISHED, neighbourhood="Centre", title="Jardinage collectif"):
        return Offer.objects.create(
            title=title,
            summary="Cultiver ensemble le jardin du quartier.",
            organisation=organisation,
            status=status,
            neighbourhood=neighbourhood,
        )

    return make


@pytest.fixture
def world(people, make_pact, make_offer, make_organisation, make_user):  # noqa: F811
    """``people`` of the pact tests plus: an offer run by the pacts' association (whose
    representative is ``people.proponent``), a member (not representative) of it, a resident
    without a verified address, an active pact and a pact in co-design."""
    member = make_user(display_name="Simple membre")
    people.association.memberships.create(user=member, role="member")
    unverified = make_user(display_name="Pas confirmé", verified=False)
    offer = make_offer(organisation=people.association)
    pact = make_pact(status=Pact.Status.ACTIVE)
    co_design = make_pact(status=Pact.Status.CO_DESIGN, title="Jardin en projet")
    return SimpleNamespace(
        **vars(people), member=member, unverified=unverified, offer=offer, pact=pact, co_design=co_design
    )


@pytest.fixture
def offer_call(world):
    return call_publish(actor=world.proponent, offer=world.offer, text=call_text())


@pytest.fixture
def pact_call(world):
    return call_publish(actor=world.other_party, pact=world.pact, text=call_text(title="Animer les goûters"))


@pytest.fixture(autouse=True)
def _empty_cache():
    """The calls of a pact or an offer are cached by id: no test sees another's."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
