"""The services of volunteering with bad input: each gets a clear domain error and changes
nothing. And what they tell people (notifications, e-mails through the outbox)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from benevolat.models import Answer, Call, GivenHours
from benevolat.services import (
    answer_create,
    answer_decide,
    answer_withdraw,
    call_close,
    call_publish,
    call_reopen,
    call_update,
    hours_record,
    hours_remove,
)
from core.errors import AuthRequired, InvalidInput, InvalidState, NotFound, PermissionDenied
from notifications.models import Notification, OutgoingEmail
from tests.benevolat.conftest import call_text

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


# --- publishing ------------------------------------------------------------------------------------


def test_publish_refuses_a_pact_that_is_not_active(world):
    with pytest.raises(PermissionDenied):
        call_publish(actor=world.proponent, pact=world.co_design, text=call_text())
    assert not Call.objects.exists()


def test_publish_refuses_someone_else_s_offer(world, make_organisation, make_offer):
    other = make_offer(organisation=make_organisation(name="Autre association"))
    with pytest.raises(PermissionDenied):
        call_publish(actor=world.proponent, offer=other, text=call_text())
    with pytest.raises(AuthRequired):
        call_publish(actor=AnonymousUser(), offer=world.offer, text=call_text())
    assert not Call.objects.exists()


def test_publish_needs_exactly_one_host(world):
    with pytest.raises(InvalidInput):
        call_publish(actor=world.proponent, text=call_text())
    with pytest.raises(InvalidInput):
        call_publish(actor=world.proponent, offer=world.offer, pact=world.pact, text=call_text())
    assert not Call.objects.exists()


@pytest.mark.parametrize(
    "changes,code",
    [
        ({"ends_on": TODAY() - dt.timedelta(days=1), "starts_on": TODAY() - dt.timedelta(days=3)}, "INVALID_DATES"),
        ({"ends_on": TODAY(), "starts_on": TODAY() + dt.timedelta(days=2)}, "INVALID_DATES"),
        ({"starts_on": TODAY() + dt.timedelta(days=1000), "ends_on": None}, "INVALID_DATES"),
        ({"starts_on": TODAY() - dt.timedelta(days=2), "ends_on": None, "commitment": "one_off"}, "INVALID_DATES"),
        ({"starts_on": "2027-01-01"}, "INVALID_DATE"),
        ({"places": 0}, "INVALID_COUNT"),
        ({"places": -3}, "INVALID_COUNT"),
        ({"places": 10_000}, "INVALID_COUNT"),
        ({"places": "3"}, "INVALID_COUNT"),
        ({"places": True}, "INVALID_COUNT"),
        ({"title": "   "}, "REQUIRED"),
        ({"title": "x" * 161}, "TOO_LONG"),
        ({"welcome": ""}, "REQUIRED"),
        ({"training": "x" * 2001}, "TOO_LONG"),
        ({"commitment": "forever"}, "INVALID_INPUT"),
        ({"schedule": ["samedi"]}, "INVALID_INPUT"),
    ],
)
def test_publish_refuses_bad_fields(world, changes, code):
    with pytest.raises(InvalidInput) as error:
        call_publish(actor=world.proponent, offer=world.offer, text=call_text(**changes))
    assert error.value.code == code
    assert str(error.value.detail)
    assert not Call.objects.exists()


def test_a_one_off_call_without_an_end_ends_the_day_it_happens(world):
    call = call_publish(actor=world.proponent, offer=world.offer, text=call_text(commitment="one_off", ends_on=None))
    assert call.ends_on == call.starts_on


def test_update_refuses_fewer_places_than_volunteers_accepted(world, offer_call):
    for person in (world.resident, world.member):
        answer_decide(actor=world.proponent, answer=answer_create(actor=person, call=offer_call), accept=True)
    with pytest.raises(InvalidInput) as error:
        call_update(actor=world.proponent, call=offer_call, text=call_text(places=1))
    assert error.value.code == "TOO_FEW_PLACES"
    offer_call.refresh_from_db()
    assert offer_call.places == 2 and offer_call.status == Call.Status.FILLED


def test_update_by_someone_else_is_refused(world, offer_call):
    with pytest.raises(PermissionDenied):
        call_update(actor=world.other_party, call=offer_call, text=call_text(title="Détourné"))
    offer_call.refresh_from_db()
    assert offer_call.title == "Accueillir les nouveaux jardiniers"


# --- answering -----------------------------------------------------------------------------------


def test_answer_twice_is_refused_clearly(world, offer_call):
    answer_create(actor=world.resident, call=offer_call, message="Disponible le samedi")
    with pytest.raises(InvalidState) as error:
        answer_create(actor=world.resident, call=offer_call, message="Encore")
    assert error.value.code == "ALREADY_ANSWERED"
    assert Answer.objects.get().message == "Disponible le samedi"


def test_answer_refused_on_a_closed_call_and_the_waiting_are_told(world, offer_call):
    answer_create(actor=world.member, call=offer_call)
    call_close(actor=world.proponent, call=offer_call)
    with pytest.raises(InvalidState) as error:
        answer_create(actor=world.resident, call=offer_call)
    assert error.value.code == "CALL_CLOSED"
    assert Answer.objects.count() == 1
    assert Notification.objects.filter(recipient=world.member, kind="volunteer_call_closed").exists()
    with pytest.raises(InvalidState):
        call_close(actor=world.proponent, call=offer_call)
    call_reopen(actor=world.proponent, call=offer_call)
    answer_create(actor=world.resident, call=offer_call)


def test_answer_refused_when_every_place_is_taken(world, offer_call, make_user):
    for person in (world.member, world.other_party):
        answer_decide(actor=world.proponent, answer=answer_create(actor=person, call=offer_call), accept=True)
    offer_call.refresh_from_db()
    assert offer_call.status == Call.Status.FILLED
    with pytest.raises(InvalidState) as error:
        answer_create(actor=world.resident, call=offer_call)
    assert error.value.code == "CALL_FILLED"


def test_answer_refused_to_the_unverified_and_the_anonymous(world, offer_call):
    with pytest.raises(PermissionDenied):
        answer_create(actor=world.unverified, call=offer_call)
    with pytest.raises(AuthRequired):
        answer_create(actor=AnonymousUser(), call=offer_call)
    assert not Answer.objects.exists()


@pytest.mark.parametrize("message", ["x" * 501, ["liste"], 42])
def test_answer_refuses_a_bad_message(world, offer_call, message):
    with pytest.raises(InvalidInput):
        answer_create(actor=world.resident, call=offer_call, message=message)
    assert not Answer.objects.exists()


def test_answer_refused_on_a_pact_no_longer_active(world, pact_call):
    from pactes.models import Pact

    Pact.objects.filter(pk=world.pact.pk).update(status=Pact.Status.ENDED)
    with pytest.raises(PermissionDenied):
        answer_create(actor=world.resident, call=pact_call)


def test_withdraw_then_answer_again_and_declined_cannot_answer_again(world, offer_call):
    answer = answer_create(actor=world.resident, call=offer_call)
    answer_withdraw(actor=world.resident, answer=answer)
    answer = answer_create(actor=world.resident, call=offer_call, message="Finalement oui")
    assert answer.status == Answer.Status.PENDING and Answer.objects.count() == 1
    answer_decide(actor=world.proponent, answer=answer, accept=False, note="Complet pour cette saison")
    with pytest.raises(InvalidState) as error:
        answer_create(actor=world.resident, call=offer_call)
    assert error.value.code == "ALREADY_DECLINED"


def test_withdraw_is_the_volunteer_s_own(world, offer_call):
    answer = answer_create(actor=world.resident, call=offer_call)
    with pytest.raises(PermissionDenied):
        answer_withdraw(actor=world.member, answer=answer)
    answer_withdraw(actor=world.resident, answer=answer)
    with pytest.raises(InvalidState):
        answer_withdraw(actor=world.resident, answer=answer)


# --- deciding ------------------------------------------------------------------------------------


def test_decide_on_someone_else_s_call_is_refused(world, offer_call, pact_call):
    answer = answer_create(actor=world.resident, call=offer_call)
    # ``other_party`` manages the pact's call, not the offer's.
    with pytest.raises(PermissionDenied):
        answer_decide(actor=world.other_party, answer=answer, accept=True)
    with pytest.raises(PermissionDenied):
        answer_decide(actor=world.resident, answer=answer, accept=True)
    answer.refresh_from_db()
    assert answer.status == Answer.Status.PENDING


def test_decide_twice_is_refused(world, offer_call):
    answer = answer_create(actor=world.resident, call=offer_call)
    answer_decide(actor=world.proponent, answer=answer, accept=True)
    with pytest.raises(InvalidState) as error:
        answer_decide(actor=world.proponent, answer=answer, accept=False)
    assert error.value.code == "ALREADY_DECIDED"


def test_the_last_place_fills_the_call_and_a_withdrawal_opens_it_again(world, offer_call):
    first = answer_create(actor=world.resident, call=offer_call)
    second = answer_create(actor=world.member, call=offer_call)
    answer_decide(actor=world.proponent, answer=first, accept=True)
    answer_decide(actor=world.proponent, answer=second, accept=True)
    offer_call.refresh_from_db()
    assert offer_call.status == Call.Status.FILLED
    answer_withdraw(actor=world.member, answer=second)
    offer_call.refresh_from_db()
    assert offer_call.status == Call.Status.OPEN


def test_accepting_beyond_the_places_is_refused(world, offer_call, make_user):
    people = [world.resident, world.member, make_user()]
    answers = [answer_create(actor=person, call=offer_call) for person in people]
    answer_decide(actor=world.proponent, answer=answers[0], accept=True)
    answer_decide(actor=world.proponent, answer=answers[1], accept=True)
    with pytest.raises(InvalidState) as error:
        answer_decide(actor=world.proponent, answer=answers[2], accept=True)
    assert error.value.code == "CALL_FILLED"


def test_organisers_and_volunteer_are_told_with_an_e_mail(world, offer_call):
    answer = answer_create(actor=world.resident, call=offer_call, message="Je peux venir")
    told = Notification.objects.get(kind="volunteer_answered")
    assert told.recipient == world.proponent and told.actor == world.resident
    answer_decide(actor=world.proponent, answer=answer, accept=True, note="Bienvenue")
    decided = Notification.objects.get(kind="volunteer_decided")
    assert decided.recipient == world.resident and decided.data["accepted"] is True
    assert OutgoingEmail.objects.filter(to=world.resident.email).exists()
    assert OutgoingEmail.objects.filter(to=world.proponent.email).exists()
    answer_withdraw(actor=world.resident, answer=answer)
    assert Notification.objects.filter(kind="volunteer_withdrew", recipient=world.proponent).exists()


def test_organisers_of_a_pact_call_are_the_representatives_of_its_parties(world, pact_call):
    answer_create(actor=world.resident, call=pact_call)
    recipients = set(Notification.objects.filter(kind="volunteer_answered").values_list("recipient", flat=True))
    assert recipients == {world.proponent.pk, world.other_party.pk}


# --- hours ---------------------------------------------------------------------------------------


@pytest.fixture
def accepted(world, offer_call):
    answer = answer_create(actor=world.resident, call=offer_call)
    return answer_decide(actor=world.proponent, answer=answer, accept=True)


@pytest.mark.parametrize(
    "hours", ["-2", "0", "0.1", "1.3", "13", "24", "1e9", "NaN", "inf", "deux", "", None, True, [2]]
)
def test_hours_refuses_a_bad_number(world, accepted, hours):
    with pytest.raises(InvalidInput) as error:
        hours_record(actor=world.proponent, answer=accepted, date=TODAY(), hours=hours)
    assert error.value.code == "INVALID_HOURS"
    assert not GivenHours.objects.exists()


@pytest.mark.parametrize("days", [1, -400])
def test_hours_refuses_a_date_in_the_future_or_before_the_call(world, accepted, days):
    with pytest.raises(InvalidInput) as error:
        hours_record(actor=world.proponent, answer=accepted, date=TODAY() + dt.timedelta(days=days), hours="2")
    assert error.value.code == "INVALID_DATE"
    with pytest.raises(InvalidInput):
        hours_record(actor=world.proponent, answer=accepted, date="2026-01-01", hours="2")
    assert not GivenHours.objects.exists()


def test_hours_only_for_an_accepted_answer(world, offer_call):
    declined = answer_decide(
        actor=world.proponent, answer=answer_create(actor=world.resident, call=offer_call), accept=False
    )
    pending = answer_create(actor=world.member, call=offer_call)
    for answer in (declined, pending):
        with pytest.raises(InvalidState) as error:
            hours_record(actor=world.proponent, answer=answer, date=TODAY(), hours="2")
        assert error.value.code == "NOT_ACCEPTED"
    assert not GivenHours.objects.exists()


def test_hours_only_by_the_organisers(world, accepted):
    for person in (world.resident, world.other_party, world.member):
        with pytest.raises(PermissionDenied):
            hours_record(actor=person, answer=accepted, date=TODAY(), hours="2")
    assert not GivenHours.objects.exists()


def test_hours_recorded_again_correct_the_day_and_a_day_holds_twelve_hours_at_most(world, accepted, pact_call):
    hours_record(actor=world.proponent, answer=accepted, date=TODAY(), hours="2,5")
    entry = hours_record(actor=world.proponent, answer=accepted, date=TODAY(), hours="8")
    assert GivenHours.objects.get().hours == Decimal("8") == entry.hours
    other = answer_decide(
        actor=world.other_party, answer=answer_create(actor=world.resident, call=pact_call), accept=True
    )
    with pytest.raises(InvalidInput) as error:
        hours_record(actor=world.other_party, answer=other, date=TODAY(), hours="4.25")
    assert error.value.code == "TOO_MANY_HOURS"
    hours_record(actor=world.other_party, answer=other, date=TODAY(), hours="4")


def test_hours_remove_refuses_a_forged_entry(world, accepted, offer_call, make_user):
    entry = hours_record(actor=world.proponent, answer=accepted, date=TODAY(), hours="2")
    other = answer_decide(actor=world.proponent, answer=answer_create(actor=make_user(), call=offer_call), accept=True)
    with pytest.raises(NotFound):
        hours_remove(actor=world.proponent, answer=other, entry_id=entry.pk)
    with pytest.raises(PermissionDenied):
        hours_remove(actor=world.resident, answer=accepted, entry_id=entry.pk)
    hours_remove(actor=world.proponent, answer=accepted, entry_id=entry.pk)
    assert not GivenHours.objects.exists()


def test_a_call_that_is_over_cannot_be_reopened_nor_listed(world, offer_call, client):
    call_close(actor=world.proponent, call=offer_call)
    Call.objects.filter(pk=offer_call.pk).update(
        starts_on=TODAY() - dt.timedelta(days=10), ends_on=TODAY() - dt.timedelta(days=1)
    )
    with pytest.raises(InvalidState) as error:
        call_reopen(actor=world.proponent, call=offer_call)
    assert error.value.code == "CALL_OVER"
    Call.objects.filter(pk=offer_call.pk).update(status=Call.Status.OPEN)
    assert offer_call.title not in client.get("/benevolat/").content.decode()


# --- the offer is withdrawn ------------------------------------------------------------------------


def test_withdrawing_the_offer_closes_its_calls_and_tells_their_volunteers(world, offer_call, make_user, client):
    from offres.services import offer_transition

    accepted = answer_create(actor=world.resident, call=offer_call)
    answer_decide(actor=world.proponent, answer=accepted, accept=True)
    answer_create(actor=world.member, call=offer_call)
    declined = make_user(display_name="Refusée")
    answer_decide(actor=world.proponent, answer=answer_create(actor=declined, call=offer_call), accept=False)
    stranger = make_user(display_name="Passante")

    offer_transition(offer=world.offer, name="withdraw", actor=world.city_agent, reason="L’association arrête.")

    offer_call.refresh_from_db()
    assert offer_call.status == Call.Status.CLOSED
    told = set(Notification.objects.filter(kind="volunteer_host_withdrawn").values_list("recipient", flat=True))
    assert told == {world.resident.pk, world.member.pk}
    assert OutgoingEmail.objects.filter(to=world.resident.email).exists()
    # The volunteer still reads the call and why it closed; a stranger no longer finds it.
    client.force_login(world.resident)
    page = client.get(offer_call.get_absolute_url())
    assert page.status_code == 200
    assert "n’est plus proposée" in page.content.decode()
    client.force_login(stranger)
    assert client.get(offer_call.get_absolute_url()).status_code == 404
    with pytest.raises(PermissionDenied):
        answer_create(actor=stranger, call=offer_call)


def test_a_call_of_a_withdrawn_offer_cannot_be_reopened(world, offer_call):
    from offres.services import offer_transition

    offer_transition(offer=world.offer, name="withdraw", actor=world.city_agent, reason="L’association arrête.")

    with pytest.raises(InvalidState) as error:
        call_reopen(actor=world.proponent, call=offer_call)
    assert error.value.code == "HOST_NOT_LIVE"
    offer_call.refresh_from_db()
    assert offer_call.status == Call.Status.CLOSED


def test_a_pact_call_outliving_its_pact_stays_readable_to_its_volunteer_and_closed(world, pact_call, client):
    from pactes.models import Pact

    answer_create(actor=world.resident, call=pact_call)
    call_close(actor=world.other_party, call=pact_call)
    # The pact ends (its own workflow writes the status; here it is set as it would be).
    Pact.objects.filter(pk=world.pact.pk).update(status=Pact.Status.ENDED)

    client.force_login(world.resident)
    page = client.get(pact_call.get_absolute_url()).content.decode()
    assert "Le pacte de collaboration de cet appel n’est plus en cours" in page
    with pytest.raises(InvalidState) as error:
        call_reopen(actor=world.other_party, call=pact_call)
    assert error.value.code == "HOST_NOT_LIVE"
