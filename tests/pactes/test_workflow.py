"""The state machine of DESIGN §8: every state × every transition × every role."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from cite.errors import ApplicationError, InvalidInput, InvalidState, PermissionDenied
from pactes import tasks
from pactes.models import Pact, PactEvent, Signature
from pactes.workflow import TRANSITIONS, pact_transition

S = Pact.Status
ROLES = ["anonymous", "resident", "proponent", "other_party", "city_agent", "superuser"]
CITY = {"city_agent", "superuser"}
BEFORE_ACTIVE = {S.DRAFT, S.SUBMITTED, S.INFO_REQUESTED, S.CONSULTATION, S.CO_DESIGN, S.SIGNING}

# Written from DESIGN §8, independently of pactes.workflow.TRANSITIONS:
# transition -> (states it starts from, roles allowed, state it leads to).
EXPECTED = {
    "submit": ({S.DRAFT}, {"proponent"}, S.SUBMITTED),
    "request_information": ({S.SUBMITTED}, CITY, S.INFO_REQUESTED),
    "answer": ({S.INFO_REQUESTED}, {"proponent"}, S.SUBMITTED),
    "reject": ({S.SUBMITTED, S.INFO_REQUESTED}, CITY, S.REJECTED),
    "open_consultation": ({S.SUBMITTED}, CITY, S.CONSULTATION),
    "start_co_design": ({S.SUBMITTED}, CITY, S.CO_DESIGN),
    # The consultation of the fixture ends in a week: nobody may close it yet.
    "close_consultation": (set(), set(), S.CO_DESIGN),
    "freeze": ({S.CO_DESIGN}, CITY, S.SIGNING),
    # Only signatories may void the others' signatures: not an administrator.
    "reopen": ({S.SIGNING}, {"proponent", "other_party", "city_agent"}, S.CO_DESIGN),
    # Made by the platform only.
    "activate": (set(), set(), S.ACTIVE),
    "expire": (set(), set(), S.ENDED),
    "supersede": (set(), set(), S.ENDED),
    "suspend": ({S.ACTIVE}, CITY, S.SUSPENDED),
    "resume": ({S.SUSPENDED}, CITY, S.ACTIVE),
    "terminate": ({S.ACTIVE, S.SUSPENDED}, CITY, S.ENDED),
    "complete": ({S.ACTIVE}, CITY, S.ENDED),
    "withdraw": (BEFORE_ACTIVE, {"proponent"}, S.WITHDRAWN),
}


def test_transition_table_covers_every_transition_of_the_design():
    assert set(TRANSITIONS) == set(EXPECTED)


def _snapshot(pact):
    pact.refresh_from_db()
    return (pact.status, pact.frozen_version_id, pact.events.count(), pact.versions.count())


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("state", S.values)
def test_transition_matrix_allows_exactly_the_expected_ones(state, role, people, make_pact):
    actor = getattr(people, role)
    pact = make_pact(status=state)
    for name, (sources, roles, target) in EXPECTED.items():
        before = _snapshot(pact)
        allowed = state in sources and role in roles
        if allowed:
            pact_transition(pact=pact, name=name, actor=actor, reason="Motif publié")
            pact.refresh_from_db()
            assert pact.status == target, name
            event = pact.events.filter(kind=PactEvent.Kind.TRANSITION).latest("pk")
            assert (event.transition, event.from_status, event.to_status) == (name, state, target)
            assert event.actor_id == actor.pk and event.reason == "Motif publié"
            pact = make_pact(status=state)  # start the next transition from the same state
        else:
            with pytest.raises(ApplicationError) as caught:
                pact_transition(pact=pact, name=name, actor=actor, reason="Motif publié")
            expected_error = InvalidState if state not in TRANSITIONS[name].sources else PermissionDenied
            assert isinstance(caught.value, expected_error), (name, caught.value)
            assert _snapshot(pact) == before, name


@pytest.mark.parametrize("name", ["request_information", "reject", "suspend", "terminate", "answer"])
def test_transition_without_a_reason_is_refused_and_changes_nothing(name, people, make_pact):
    source = next(iter(TRANSITIONS[name].sources))
    pact = make_pact(status=source)
    actor = people.proponent if name == "answer" else people.city_agent
    before = _snapshot(pact)
    with pytest.raises(InvalidInput) as caught:
        pact_transition(pact=pact, name=name, actor=actor, reason="   ")
    assert caught.value.code == "REASON_REQUIRED"
    assert _snapshot(pact) == before


def test_start_co_design_refuses_a_complex_pact_which_needs_a_consultation(people, make_pact):
    pact = make_pact(status=S.SUBMITTED, type=Pact.Type.COMPLEX)
    with pytest.raises(PermissionDenied):
        pact_transition(pact=pact, name="start_co_design", actor=people.city_agent)
    pact_transition(pact=pact, name="open_consultation", actor=people.city_agent)
    pact.refresh_from_db()
    assert pact.status == S.CONSULTATION


def test_unknown_transition_is_refused(people, make_pact):
    pact = make_pact(status=S.SUBMITTED)
    with pytest.raises(InvalidInput):
        pact_transition(pact=pact, name="delete", actor=people.superuser)


def test_open_consultation_sets_the_end_date_from_the_setting(people, make_pact, settings):
    settings.PACT_CONSULTATION_DAYS = 15
    pact = make_pact(status=S.SUBMITTED)
    pact_transition(pact=pact, name="open_consultation", actor=people.city_agent)
    pact.refresh_from_db()
    remaining = pact.consultation_ends_at - timezone.now()
    assert dt.timedelta(days=14, hours=23) < remaining <= dt.timedelta(days=15)


def test_open_consultation_adds_the_agents_city_department_and_a_version(
    people, make_pact, make_organisation, make_user
):
    pact = make_pact(status=S.DRAFT)
    pact_transition(pact=pact, name="submit", actor=people.proponent)
    agent = make_user(roles=["city_agent"])
    department = make_organisation(
        name="Direction de la vie associative", kind="city_department", representatives=[agent]
    )
    versions = pact.versions.count()
    pact_transition(pact=pact, name="open_consultation", actor=agent)
    city_party = pact.parties.get(role="city")
    assert city_party.organisation == department
    latest = pact.versions.latest("number")
    assert pact.versions.count() == versions + 1
    assert {"role": "city", "kind": "organisation", "id": department.pk, "name": department.name} in latest.parties


def test_consultation_closes_by_itself_when_its_end_date_passes(people, make_pact):
    pact = make_pact(status=S.SUBMITTED)
    pact_transition(pact=pact, name="open_consultation", actor=people.city_agent)
    pact.refresh_from_db()
    assert tasks.close_due_consultations.delay().get() == []
    with time_machine.travel(pact.consultation_ends_at + dt.timedelta(minutes=1)):
        assert tasks.close_due_consultations.delay().get() == [pact.pk]
        assert tasks.close_due_consultations.delay().get() == []  # a second run changes nothing
    pact.refresh_from_db()
    assert pact.status == S.CO_DESIGN
    event = pact.events.filter(transition="close_consultation").get()
    assert event.actor is None and event.from_status == S.CONSULTATION


def test_city_agent_may_close_a_consultation_only_after_its_end_date(people, make_pact):
    pact = make_pact(status=S.CONSULTATION)
    with pytest.raises(PermissionDenied):
        pact_transition(pact=pact, name="close_consultation", actor=people.city_agent)
    with time_machine.travel(timezone.now() + dt.timedelta(days=8)):
        pact_transition(pact=pact, name="close_consultation", actor=people.city_agent)
    pact.refresh_from_db()
    assert pact.status == S.CO_DESIGN


def test_expire_task_ends_pacts_past_their_end_date(make_pact):
    pact = make_pact(status=S.ACTIVE)
    assert tasks.expire_ended_pacts.delay().get() == []
    with time_machine.travel(dt.datetime(2028, 1, 2, 12, tzinfo=dt.UTC)):
        assert tasks.expire_ended_pacts.delay().get() == [pact.pk]
    pact.refresh_from_db()
    assert (pact.status, pact.end_reason) == (S.ENDED, "expired")


def test_withdraw_during_signing_voids_the_signatures(people, make_pact):
    pact = make_pact(status=S.SIGNING)
    party = pact.parties.get(role="proponent")
    Signature.objects.create(
        version=pact.frozen_version, party=party, signer=people.proponent, content_hash=pact.frozen_version.content_hash
    )
    pact_transition(pact=pact, name="withdraw", actor=people.proponent)
    assert Signature.objects.get().voided_at is not None
    assert pact.events.filter(kind=PactEvent.Kind.SIGNATURES_VOIDED).count() == 1


def test_unverified_proponent_cannot_submit(people, make_pact):
    from allauth.account.models import EmailAddress

    pact = make_pact(status=S.DRAFT)
    EmailAddress.objects.filter(user=people.proponent).update(verified=False)
    with pytest.raises(PermissionDenied):
        pact_transition(pact=pact, name="submit", actor=people.proponent)
    assert _snapshot(pact)[0] == S.DRAFT
