"""The two status machines of volunteering and the one helper through which each status changes.

A call: ``open`` → ``filled`` (its last place taken) → ``open`` (a volunteer left) ; ``open`` or
``filled`` → ``closed`` by its managers → ``open`` again (or ``filled``).
An answer: ``pending`` → ``accepted`` | ``declined``; ``pending`` or ``accepted`` → ``withdrawn``
by the volunteer → ``pending`` when they answer again.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from benevolat.models import Answer, Call
from benevolat.selectors import forget_host_calls
from core.errors import InvalidState

C, A = Call.Status, Answer.Status

# name -> (statuses it leaves, status it reaches)
CALL_TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "fill": ((C.OPEN,), C.FILLED),
    "free": ((C.FILLED,), C.OPEN),
    "close": ((C.OPEN, C.FILLED), C.CLOSED),
    "reopen": ((C.CLOSED,), C.OPEN),
}
ANSWER_TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "accept": ((A.PENDING,), A.ACCEPTED),
    "decline": ((A.PENDING,), A.DECLINED),
    "withdraw": ((A.PENDING, A.ACCEPTED), A.WITHDRAWN),
    "answer_again": ((A.WITHDRAWN,), A.PENDING),
}

CALL_STATE_ERRORS: dict[str, tuple] = {
    C.CLOSED: (_("This call for volunteers is closed."), "CALL_CLOSED"),
    C.FILLED: (_("Every place of this call is taken."), "CALL_FILLED"),
}


def call_transition(call: Call, name: str) -> None:
    """Move a *locked* call along ``CALL_TRANSITIONS[name]``."""
    sources, target = CALL_TRANSITIONS[name]
    if call.status not in sources:
        raise InvalidState()
    call.status = target
    call.status_changed_at = timezone.now()
    call.save(update_fields=["status", "status_changed_at", "updated_at"])
    forget_host_calls(call)


def answer_transition(answer: Answer, name: str, **fields) -> None:
    """Move a *locked* answer along ``ANSWER_TRANSITIONS[name]``, saving ``fields`` with it."""
    sources, target = ANSWER_TRANSITIONS[name]
    if answer.status not in sources:
        raise InvalidState(_("This answer has already been dealt with."), code="ALREADY_DECIDED")
    answer.status = target
    for field, value in fields.items():
        setattr(answer, field, value)
    answer.save(update_fields=["status", *fields])


def lock_call(call_id: int) -> Call:
    # Only the call is locked: its host is read through outer joins, which PostgreSQL cannot lock.
    return Call.objects.select_for_update(of=("self",)).select_related("offer", "pact__commons").get(pk=call_id)


def accepted_count(call: Call) -> int:
    return call.answers.filter(status=A.ACCEPTED).count()


def settle_places(call: Call) -> None:
    """After an answer's status changed on a *locked* open or filled call: filled when every
    place is taken, open again when one is freed. A closed call stays closed."""
    taken = accepted_count(call)
    if call.status == C.OPEN and taken >= call.places:
        call_transition(call, "fill")
    elif call.status == C.FILLED and taken < call.places:
        call_transition(call, "free")
