"""Who may do what with an offer: the permission matrix, through the services."""

import pytest

from core.errors import AuthRequired, InvalidState, PermissionDenied
from offres.models import Offer, OfferEvent
from offres.services import offer_create, offer_report, offer_suggest, offer_transition, offer_update

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "resident", "unverified", "representative", "member", "other", "city_agent"]


def _may(fn) -> bool:
    try:
        fn()
    except (PermissionDenied, AuthRequired):
        return False
    return True


@pytest.mark.parametrize("role,allowed", [(r, r in {"representative", "city_agent"}) for r in ROLES])
def test_publish_an_offer_is_for_its_organisation_representatives_and_city_agents(people, offer_data, role, allowed):
    assert _may(lambda: offer_create(actor=getattr(people, role), data=offer_data())) is allowed
    assert Offer.objects.count() == (1 if allowed else 0)


def test_a_representative_cannot_publish_for_another_organisation(people, offer_data):
    with pytest.raises(PermissionDenied):
        offer_create(actor=people.other, data=offer_data())
    assert not Offer.objects.exists()


@pytest.mark.parametrize("role,allowed", [(r, r in {"representative", "city_agent"}) for r in ROLES])
def test_update_confirm_and_withdraw_are_for_the_offer_managers(people, make_offer, role, allowed):
    offer = make_offer(organisation=people.association)
    actor = getattr(people, role)
    assert _may(lambda: offer_update(actor=actor, offer=offer, data={"summary": "Nouveau résumé."})) is allowed
    assert _may(lambda: offer_transition(offer=offer, name="confirm", actor=actor)) is allowed
    assert _may(lambda: offer_transition(offer=offer, name="withdraw", actor=actor, reason="Fin de saison")) is allowed
    offer.refresh_from_db()
    assert (offer.status == Offer.Status.WITHDRAWN) is allowed
    assert (offer.summary == "Nouveau résumé.") is allowed


@pytest.mark.parametrize("role,allowed", [(r, r == "city_agent") for r in ROLES])
def test_only_a_city_agent_publishes_a_withdrawn_offer_again(people, make_offer, role, allowed):
    offer = make_offer(organisation=people.association, status=Offer.Status.WITHDRAWN)
    assert _may(lambda: offer_transition(offer=offer, name="republish", actor=getattr(people, role))) is allowed


@pytest.mark.parametrize(
    "role,allowed", [(r, r in {"resident", "representative", "member", "other", "city_agent"}) for r in ROLES]
)
def test_suggest_needs_a_verified_account(people, role, allowed):
    data = {"title": "Atelier couture", "summary": "Coudre ensemble.", "kind": Offer.Kind.GROUP}
    assert _may(lambda: offer_suggest(actor=getattr(people, role), data=data)) is allowed


@pytest.mark.parametrize("role,allowed", [(r, r in {"resident", "member", "other"}) for r in ROLES])
def test_report_is_for_residents_not_for_the_managers(people, make_offer, role, allowed):
    offer = make_offer(organisation=people.association)
    assert _may(lambda: offer_report(actor=getattr(people, role), offer=offer, reason="Plus le mardi.")) is allowed


def test_a_suggestion_is_reviewed_by_the_organisation_it_names_or_a_city_agent(people):
    data = {"title": "Atelier couture", "summary": "Coudre ensemble.", "organisation": people.association}
    offer = offer_suggest(actor=people.resident, data=data)
    for outsider in (people.resident, people.other, people.member):
        with pytest.raises(PermissionDenied):
            offer_transition(offer=offer, name="publish", actor=outsider)
    offer_transition(offer=offer, name="publish", actor=people.representative)
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED and offer.last_confirmed_at is not None


def test_nobody_marks_an_offer_to_verify_by_hand(people, make_offer):
    offer = make_offer(organisation=people.association)
    for role in ("representative", "city_agent"):
        with pytest.raises(PermissionDenied):
            offer_transition(offer=offer, name="mark_to_verify", actor=getattr(people, role))
    assert Offer.objects.get(pk=offer.pk).status == Offer.Status.PUBLISHED


def test_a_transition_from_the_wrong_state_is_refused_and_changes_nothing(people, make_offer):
    offer = make_offer(organisation=people.association)
    with pytest.raises(InvalidState):
        offer_transition(offer=offer, name="publish", actor=people.city_agent)
    with pytest.raises(InvalidState):
        offer_transition(offer=offer, name="reject", actor=people.city_agent, reason="Non")
    assert Offer.objects.get(pk=offer.pk).status == Offer.Status.PUBLISHED
    assert not OfferEvent.objects.filter(offer=offer).exists()
