"""A volunteer's answers and hours in the account export, and what the account's deletion leaves."""

import pytest
from django.utils import timezone

from accounts.services import account_delete, account_export
from benevolat.models import Answer, GivenHours
from benevolat.services import answer_create, answer_decide, hours_record
from evaluation.indicators import Indicators

pytestmark = pytest.mark.django_db


def test_export_holds_the_volunteer_s_answers_and_hours_only(world, offer_call, pact_call):
    accepted = answer_decide(
        actor=world.proponent,
        answer=answer_create(actor=world.resident, call=offer_call, message="Le samedi"),
        accept=True,
        note="Bienvenue",
    )
    hours_record(actor=world.proponent, answer=accepted, date=timezone.localdate(), hours="1.5")
    answer_create(actor=world.member, call=offer_call, message="Pas à moi")

    data = account_export(actor=world.resident, user=world.resident)["benevolat"]
    (answer,) = data["answers"]
    assert answer["message"] == "Le samedi" and answer["decision_note"] == "Bienvenue"
    assert answer["status"] == "accepted" and answer["hours"] == [
        {"date": timezone.localdate().isoformat(), "hours": "1.50"}
    ]
    assert (
        account_export(actor=world.proponent, user=world.proponent)["benevolat"]["calls_published"][0]["id"]
        == offer_call.pk
    )


def test_deletion_removes_waiting_answers_and_keeps_anonymous_hours_for_the_figures(world, offer_call, pact_call):
    accepted = answer_decide(
        actor=world.proponent,
        answer=answer_create(actor=world.resident, call=offer_call, message="Le samedi"),
        accept=True,
    )
    hours_record(actor=world.proponent, answer=accepted, date=timezone.localdate(), hours="2")
    answer_create(actor=world.resident, call=pact_call, message="Peut-être")

    account_delete(actor=world.resident, user=world.resident)

    (left,) = Answer.objects.filter(volunteer=world.resident)
    assert left.pk == accepted.pk and left.message == "" and left.status == Answer.Status.WITHDRAWN
    assert GivenHours.objects.get().hours == 2
    key = dict(map(tuple, Indicators(year=timezone.localdate().year).key_figures().rows))
    assert key["call_volunteers"] == 1 and key["call_hours"] == 2
