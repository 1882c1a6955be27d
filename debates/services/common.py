"""What every service of the rooms shares: the debate's and the messages' transition tables,
the row lock, the room's event log, and the events sent after commit."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.errors import InvalidInput, InvalidState, NotFound
from debates import events, frames, selectors
from debates.models import Debate, Message, Participation, RoomEvent

MAX_REASON_LENGTH = 300


STATUS_TRANSITIONS: dict[str, set[str]] = {
    Debate.Status.SCHEDULED: {Debate.Status.OPEN, Debate.Status.CLOSED},
    Debate.Status.OPEN: {Debate.Status.CLOSED},
    Debate.Status.CLOSED: {Debate.Status.OPEN, Debate.Status.ARCHIVED},
    Debate.Status.ARCHIVED: set(),
}


MESSAGE_TRANSITIONS: dict[str, set[str]] = {
    Message.State.HELD: {Message.State.PUBLISHED, Message.State.REJECTED},
    Message.State.PUBLISHED: {Message.State.HIDDEN},
    # A hidden message comes back when a facilitator or an appeal decides so.
    Message.State.HIDDEN: {Message.State.PUBLISHED},
    # An upheld appeal publishes a refused message after all (moderation.services.appeal_decide).
    Message.State.REJECTED: {Message.State.PUBLISHED},
}


def _lock(debate: Debate) -> Debate:
    locked = Debate.objects.select_for_update().get(pk=debate.pk)
    if hasattr(debate, "_facilitator_ids"):
        locked._facilitator_ids = debate._facilitator_ids
    return locked


def _record(debate: Debate, type_: str, payload: dict, *, actor=None) -> dict:
    """Append an event to the locked debate's log and send it to the room after commit.

    The row lock taken by ``_lock`` makes concurrent writers queue, the unique (debate, seq)
    constraint refuses any duplicate, and a rolled-back transaction takes its seq with it: the
    log is gapless whatever the number of processes.
    """
    debate.last_seq += 1
    Debate.objects.filter(pk=debate.pk).update(last_seq=debate.last_seq)
    frame = {"type": type_, "seq": debate.last_seq, **payload}
    RoomEvent.objects.create(debate=debate, seq=debate.last_seq, type=type_, payload=frame, actor=actor)
    debate_id = debate.pk
    transaction.on_commit(lambda: events.room_event(debate_id, frame))
    return frame


def _transition(debate: Debate, status: str) -> None:
    if status not in STATUS_TRANSITIONS[debate.status]:
        raise InvalidState(
            _("This debate cannot go from “%(from)s” to this state.") % {"from": debate.get_status_display()}
        )
    debate.status = status


def _message_transition(message: Message, state: str) -> None:
    if state not in MESSAGE_TRANSITIONS[message.state]:
        raise InvalidState(_("This message cannot change that way in its current state."))
    message.state = state


def _participation(debate: Debate, user: User, *, lock: bool = True) -> Participation:
    participation, _created = Participation.objects.get_or_create(debate=debate, user=user)
    if lock:
        participation = Participation.objects.select_for_update().get(pk=participation.pk)
    return participation


def _message_of(debate: Debate, message_id: int) -> Message:
    message = Message.objects.select_for_update().filter(pk=message_id, debate_id=debate.pk).first()
    if message is None:
        raise NotFound(_("This message does not exist in this debate."))
    return message


def _clean_reason(reason: str, *, required: bool = True) -> str:
    reason = (reason or "").strip()
    if required and not reason:
        raise InvalidInput(
            _("Give a reason: the participant and the public register will see it."), code="REASON_REQUIRED"
        )
    if len(reason) > MAX_REASON_LENGTH:
        raise InvalidInput(_("The reason is too long."), code="TOO_LONG")
    return reason


def _publish(debate: Debate, message: Message, *, actor) -> None:
    now = timezone.now()
    message.published_at = message.published_at or now
    frame = _record(debate, "message.new", {"message": frames.message(message, debate)}, actor=actor)
    message.seq = frame["seq"]


def _queue_changed(debate: Debate, *, actor) -> None:
    _record(debate, "queue.updated", {"queue": frames.queue(selectors.speaking_queue(debate=debate))}, actor=actor)


def _floor_changed(debate: Debate, *, actor) -> None:
    _record(debate, "floor.changed", {"floor": frames.floor(debate)}, actor=actor)
