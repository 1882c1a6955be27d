"""Who may do what with calls for volunteers: a matrix of roles for each permission, asked of
the rules themselves (``rules.has_perm``, as ``core.permissions.require`` does)."""

import pytest
import rules

from offres.models import Offer
from pactes.models import Pact

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "resident", "unverified", "proponent", "other_party", "member", "city_agent", "superuser"]


def _allowed(world, role, perm, obj) -> bool:
    return rules.has_perm(perm, getattr(world, role), obj)


@pytest.mark.parametrize(
    "role,expected",
    # The offer is run by the association that ``proponent`` represents; city agents keep the
    # directory (offres.predicates.is_offer_manager).
    [
        ("anonymous", False),
        ("resident", False),
        ("unverified", False),
        ("proponent", True),
        ("other_party", False),
        ("member", False),
        ("city_agent", True),
        ("superuser", False),
    ],
)
def test_publish_on_an_offer(world, role, expected):
    assert _allowed(world, role, "benevolat.publish_call_on_offer", world.offer) is expected


@pytest.mark.parametrize(
    "role,expected",
    # The representatives of the pact's parties, and the city's signatory (an agent of the
    # department party to the pact); a simple member of a party organisation is not.
    [
        ("anonymous", False),
        ("resident", False),
        ("unverified", False),
        ("proponent", True),
        ("other_party", True),
        ("member", False),
        ("city_agent", True),
        ("superuser", False),
    ],
)
def test_publish_on_an_active_pact(world, role, expected):
    assert _allowed(world, role, "benevolat.publish_call_on_pact", world.pact) is expected


@pytest.mark.parametrize("role", ROLES)
def test_nobody_publishes_on_a_pact_that_is_not_active(world, role):
    assert not _allowed(world, role, "benevolat.publish_call_on_pact", world.co_design)


@pytest.mark.parametrize("status", [Offer.Status.SUGGESTED, Offer.Status.WITHDRAWN, Offer.Status.REJECTED])
def test_nobody_publishes_on_an_offer_not_listed(world, status):
    Offer.objects.filter(pk=world.offer.pk).update(status=status)
    world.offer.refresh_from_db()
    for role in ROLES:
        assert not _allowed(world, role, "benevolat.publish_call_on_offer", world.offer)


@pytest.mark.parametrize(
    "role,expected",
    [
        ("anonymous", False),
        ("resident", False),
        ("unverified", False),
        ("proponent", True),
        ("other_party", False),
        ("member", False),
        ("city_agent", True),
        ("superuser", False),
    ],
)
def test_manage_a_call_on_an_offer(world, offer_call, role, expected):
    assert _allowed(world, role, "benevolat.manage_call", offer_call) is expected


@pytest.mark.parametrize(
    "role,expected",
    [
        ("anonymous", False),
        ("resident", False),
        ("unverified", False),
        ("proponent", True),
        ("other_party", True),
        ("member", False),
        ("city_agent", True),
        ("superuser", False),
    ],
)
def test_manage_a_call_on_a_pact(world, pact_call, role, expected):
    assert _allowed(world, role, "benevolat.manage_call", pact_call) is expected


@pytest.mark.parametrize(
    "role,expected",
    [
        ("anonymous", False),
        ("resident", True),
        ("unverified", False),
        ("proponent", True),
        ("member", True),
        ("city_agent", True),
    ],
)
def test_answer_a_call_needs_an_account_with_a_verified_address(world, offer_call, role, expected):
    assert _allowed(world, role, "benevolat.answer_call", offer_call) is expected


def test_a_call_whose_pact_is_no_longer_active_is_seen_by_its_organisers_only(world, pact_call):
    Pact.objects.filter(pk=world.pact.pk).update(status=Pact.Status.SUSPENDED)
    pact_call.pact.refresh_from_db()

    assert _allowed(world, "anonymous", "benevolat.view_call", pact_call) is False
    assert _allowed(world, "resident", "benevolat.answer_call", pact_call) is False
    assert _allowed(world, "other_party", "benevolat.view_call", pact_call) is True


def test_answer_permissions_belong_to_the_volunteer_and_the_organisers(world, offer_call):
    from benevolat.services import answer_create

    answer = answer_create(actor=world.resident, call=offer_call)
    assert _allowed(world, "resident", "benevolat.withdraw_answer", answer)
    assert not _allowed(
        world, "other_resident" if hasattr(world, "other_resident") else "member", "benevolat.withdraw_answer", answer
    )
    assert not _allowed(world, "proponent", "benevolat.withdraw_answer", answer)
    for role, expected in [
        ("resident", False),
        ("proponent", True),
        ("member", False),
        ("city_agent", True),
        ("superuser", False),
    ]:
        assert _allowed(world, role, "benevolat.decide_answer", answer) is expected, role
        assert _allowed(world, role, "benevolat.record_hours", answer) is expected, role
    assert _allowed(world, "resident", "benevolat.view_answer", answer)
    assert not _allowed(world, "member", "benevolat.view_answer", answer)


def test_an_organiser_who_offers_to_help_is_decided_on_and_counted_by_another(world, offer_call, client):
    from benevolat.models import GivenHours
    from benevolat.services import answer_create, answer_decide, hours_record
    from core.errors import PermissionDenied

    own = answer_create(actor=world.proponent, call=offer_call)
    assert not _allowed(world, "proponent", "benevolat.decide_answer", own)
    assert not _allowed(world, "proponent", "benevolat.record_hours", own)
    with pytest.raises(PermissionDenied):
        answer_decide(actor=world.proponent, answer=own, accept=True)
    client.force_login(world.proponent)
    page = client.get(offer_call.get_absolute_url()).content.decode()
    assert "un autre organisateur en décide" in page
    assert f'action="/benevolat/{offer_call.pk}/reponses/{own.pk}/' not in page
    # Another organiser (here a city agent, who keeps the directory) accepts and records the hours.
    answer_decide(actor=world.city_agent, answer=own, accept=True)
    with pytest.raises(PermissionDenied):
        hours_record(actor=world.proponent, answer=own, date=offer_call.starts_on, hours="2")
    hours_record(actor=world.city_agent, answer=own, date=offer_call.starts_on, hours="2")
    assert GivenHours.objects.get().recorded_by == world.city_agent
