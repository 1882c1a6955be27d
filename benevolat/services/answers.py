"""A resident answers a call (« I can help »), the call's managers accept or decline, the
volunteer may withdraw. Answering twice is refused; a volunteer who withdrew may answer again."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from benevolat import notices
from benevolat.models import Answer, Call
from benevolat.services.state import CALL_STATE_ERRORS, answer_transition, lock_call, settle_places
from core.errors import InvalidInput, InvalidState
from core.permissions import require
from pactes.guards import clean_text

MAX_MESSAGE = 500


def _short_text(value, *, label: str) -> str:
    if value is not None and not isinstance(value, str):
        raise InvalidInput(_("%(field)s: this is not a text.") % {"field": label})
    value = clean_text(value or "")
    if len(value) > MAX_MESSAGE:
        raise InvalidInput(
            _("%(field)s: %(n)d characters at most.") % {"field": label, "n": MAX_MESSAGE}, code="TOO_LONG"
        )
    return value


def answer_create(*, actor: User, call: Call, message: str = "") -> Answer:
    """« I can help »: the call must be open; a second answer of the same person is refused
    (unless they had withdrawn: their answer is waiting again)."""
    message = _short_text(message, label=_("Message"))
    with transaction.atomic():
        call = lock_call(call.pk)
        require(actor, "benevolat.answer_call", call)
        if call.status in CALL_STATE_ERRORS:
            detail, code = CALL_STATE_ERRORS[call.status]
            raise InvalidState(detail, code=code)
        answer = Answer.objects.select_for_update().filter(call=call, volunteer=actor).first()
        if answer is None:
            answer = Answer.objects.create(call=call, volunteer=actor, message=message)
        elif answer.status == Answer.Status.WITHDRAWN:
            answer_transition(
                answer, "answer_again", message=message, decision_note="", decided_by=None, decided_at=None
            )
        elif answer.status == Answer.Status.DECLINED:
            raise InvalidState(
                _("The organisers have already answered your offer for this call."), code="ALREADY_DECLINED"
            )
        else:
            raise InvalidState(_("You have already answered this call."), code="ALREADY_ANSWERED")
        answer.call = call
        notices.volunteer_answered(answer)
    return answer


def answer_decide(*, actor: User, answer: Answer, accept: bool, note: str = "") -> Answer:
    """Accept or decline a waiting answer; the volunteer is told, with ``note`` if given. The
    last place accepted fills the call."""
    note = _short_text(note, label=_("Note to the volunteer"))
    with transaction.atomic():
        call = lock_call(answer.call_id)
        answer = Answer.objects.select_for_update().select_related("volunteer").get(pk=answer.pk)
        answer.call = call
        require(actor, "benevolat.decide_answer", answer)
        if answer.status != Answer.Status.PENDING:
            raise InvalidState(_("This answer has already been dealt with."), code="ALREADY_DECIDED")
        now = timezone.now()
        if accept:
            if (
                call.status == Call.Status.FILLED
                or call.answers.filter(status=Answer.Status.ACCEPTED).count() >= call.places
            ):
                raise InvalidState(
                    _("Every place of this call is taken: add places to accept one more volunteer."),
                    code="CALL_FILLED",
                )
            answer_transition(answer, "accept", decision_note=note, decided_by=actor, decided_at=now, accepted_at=now)
        else:
            answer_transition(answer, "decline", decision_note=note, decided_by=actor, decided_at=now)
        if call.status != Call.Status.CLOSED:
            settle_places(call)
        notices.volunteer_decided(answer)
    return answer


def answer_withdraw(*, actor: User, answer: Answer) -> Answer:
    """The volunteer withdraws a waiting or accepted answer; the organisers are told. Hours
    already recorded stay: they were given."""
    with transaction.atomic():
        call = lock_call(answer.call_id)
        answer = Answer.objects.select_for_update().get(pk=answer.pk)
        answer.call = call
        require(actor, "benevolat.withdraw_answer", answer)
        if answer.status not in (Answer.Status.PENDING, Answer.Status.ACCEPTED):
            raise InvalidState(_("There is nothing to withdraw from."), code="NOT_WITHDRAWABLE")
        answer_transition(answer, "withdraw", withdrawn_at=timezone.now())
        if call.status != Call.Status.CLOSED:
            settle_places(call)
        notices.volunteer_withdrew(answer)
    return answer
