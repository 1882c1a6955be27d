"""What facilitators do from the queue (and the room): decide on held and reported messages,
and act on a participant or the room along the escalation ladder (docs/moderation.md).

Each service checks ``moderation.moderate_debate`` on the debate concerned, changes the room
through ``debates.services`` (which locks the debate, records the room's public events and
tells the room), appends the action to the moderation log in the same transaction, and e-mails
the participant concerned after commit.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Min
from django.utils.translation import gettext as _

from accounts.models import User
from cite.errors import InvalidInput, InvalidState, NotFound
from debates import events as room_events
from debates import services as rooms
from debates.models import Debate, Message, Participation
from debates.predicates import is_debate_facilitator

from ..exclusion import EXCLUSION_MARK, is_exclusion  # noqa: F401  (re-exported)
from ..log import action_record
from ..models import ModerationAction
from .common import debate_of, message_of, reason_text, require

Kind = ModerationAction.Kind


def _lock_debate(message: Message) -> None:
    # The rooms' services lock the debate, then the message: the same order here avoids deadlocks.
    Debate.objects.select_for_update().get(pk=message.debate_id)


def _first_report_at(message: Message) -> datetime | None:
    return message.reports.aggregate(first=Min("created_at"))["first"]


def _last_automatic_hide(message: Message) -> ModerationAction | None:
    return (
        ModerationAction.objects.filter(message=message, kind=Kind.HIDE, automatic=True).order_by("-created_at").first()
    )


def message_approve(*, actor: User, message_id: int) -> ModerationAction:
    """Publish a held message."""
    message = message_of(message_id)
    require(actor, "moderation.moderate_debate", message.debate)
    with transaction.atomic():
        rooms.message_approve(actor=actor, debate=message.debate, message_id=message.pk)
        return action_record(
            kind=Kind.APPROVE,
            debate=message.debate,
            actor=actor,
            message=message,
            reason_code="reviewed_ok",
            pending_since=message.created_at,
        )


def message_reject(*, actor: User, message_id: int, reason_code: str, reason: str = "") -> ModerationAction:
    """Refuse a held message for good; its author is told why and may appeal."""
    message = message_of(message_id)
    require(actor, "moderation.moderate_debate", message.debate)
    text = reason_text(reason_code, reason)
    with transaction.atomic():
        rooms.message_reject(actor=actor, debate=message.debate, message_id=message.pk, reason=text)
        action = action_record(
            kind=Kind.REJECT,
            debate=message.debate,
            actor=actor,
            message=message,
            rule=message.rule,
            reason_code=reason_code,
            reason=text,
            pending_since=message.created_at,
        )
    return action


def message_hide(*, actor: User, message_id: int, reason_code: str, reason: str = "") -> ModerationAction:
    """Hide a published message behind a public tombstone that says why; its author is told
    and may appeal."""
    message = message_of(message_id)
    require(actor, "moderation.moderate_debate", message.debate)
    text = reason_text(reason_code, reason)
    with transaction.atomic():
        rooms.message_hide(actor=actor, debate=message.debate, message_id=message.pk, reason=text)
        action = action_record(
            kind=Kind.HIDE,
            debate=message.debate,
            actor=actor,
            message=message,
            reason_code=reason_code,
            reason=text,
            pending_since=_first_report_at(message),
        )
    return action


def _require_hidden_automatically(message: Message) -> None:
    if message.state != Message.State.HIDDEN or message.hidden_by != Message.HiddenBy.AUTOMATIC:
        raise InvalidState(_("This message is not waiting for a decision after reports."), code="NOT_PENDING")


def message_keep_hidden(*, actor: User, message_id: int, reason_code: str, reason: str = "") -> ModerationAction:
    """Confirm the automatic hide of a reported message: it stays hidden, now by a person's
    decision, which the author may appeal."""
    message = message_of(message_id)
    require(actor, "moderation.moderate_debate", message.debate)
    text = reason_text(reason_code, reason)
    with transaction.atomic():
        _lock_debate(message)
        message = Message.objects.select_for_update(of=("self",)).select_related("debate", "author").get(pk=message.pk)
        _require_hidden_automatically(message)
        hide = _last_automatic_hide(message)
        action = action_record(
            kind=Kind.KEEP_HIDDEN,
            debate=message.debate,
            actor=actor,
            message=message,
            reason_code=reason_code,
            reason=text,
            pending_since=hide.created_at if hide else _first_report_at(message),
        )
    return action


def message_restore(*, actor: User, message_id: int) -> ModerationAction:
    """Publish again a message hidden automatically after reports: the reports did not hold."""
    message = message_of(message_id)
    require(actor, "moderation.moderate_debate", message.debate)
    with transaction.atomic():
        _lock_debate(message)
        locked = Message.objects.select_for_update().get(pk=message.pk)
        _require_hidden_automatically(locked)
        hide = _last_automatic_hide(locked)
        rooms.message_approve(actor=actor, debate=message.debate, message_id=message.pk)
        return action_record(
            kind=Kind.RESTORE,
            debate=message.debate,
            actor=actor,
            message=message,
            reason_code="reviewed_ok",
            pending_since=hide.created_at if hide else None,
        )


def reports_dismiss(*, actor: User, message_id: int) -> ModerationAction:
    """Leave a reported message published: the facilitators read it and found it within the
    charter. Its reports leave the queue."""
    message = message_of(message_id)
    require(actor, "moderation.moderate_debate", message.debate)
    with transaction.atomic():
        _lock_debate(message)
        locked = Message.objects.select_for_update().get(pk=message.pk)
        if locked.state != Message.State.PUBLISHED or not locked.reports.exists():
            raise InvalidState(_("This message is not waiting for a decision after reports."), code="NOT_PENDING")
        return action_record(
            kind=Kind.DISMISS_REPORTS,
            debate=message.debate,
            actor=actor,
            message=message,
            reason_code="reviewed_ok",
            pending_since=_first_report_at(locked),
        )


# --- The participant and the room (the escalation ladder) -------------------------------------


def _participant(debate: Debate, user_id) -> User:
    if isinstance(user_id, bool) or not isinstance(user_id, int):
        raise NotFound(_("This participant does not exist."))
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not Participation.objects.filter(debate=debate, user=user).exists():
        raise NotFound(_("This person is not taking part in this debate."))
    if is_debate_facilitator(user, debate):
        raise InvalidInput(_("This action does not apply to a facilitator."), code="FACILITATOR")
    return user


def _prepare(
    actor: User, debate_id, user_id, reason_code: str, reason: str, *, minutes=None, user_required: bool = True
) -> tuple[Debate, User | None, str]:
    """Check what every participant or room action needs: the debate, the permission, the
    reason, the duration, and that the participant takes part (and is no facilitator)."""
    debate = debate_of(debate_id)
    require(actor, "moderation.moderate_debate", debate)
    text = reason_text(reason_code, reason)
    if minutes is not None:
        _check_minutes(minutes)
    user = _participant(debate, user_id) if user_required or user_id is not None else None
    return debate, user, text


def participant_remind(
    *, actor: User, debate_id: int, user_id: int, reason_code: str, reason: str = ""
) -> ModerationAction:
    """First step of the ladder: remind a participant of the charter, in the room and by e-mail."""
    debate, user, text = _prepare(actor, debate_id, user_id, reason_code, reason)
    with transaction.atomic():
        action = action_record(
            kind=Kind.REMINDER, debate=debate, actor=actor, target=user, reason_code=reason_code, reason=text
        )
        frame = {"type": "moderation.reminder", "reason": text}
        transaction.on_commit(lambda: room_events.to_user(debate.pk, user.pk, frame))
    return action


def participant_review(
    *, actor: User, debate_id: int, user_id: int, minutes: int, reason_code: str, reason: str = ""
) -> ModerationAction:
    """Second step: for ``minutes``, the participant's messages wait for a facilitator's review
    before anyone else reads them."""
    debate, user, text = _prepare(actor, debate_id, user_id, reason_code, reason, minutes=minutes)
    with transaction.atomic():
        action = action_record(
            kind=Kind.REVIEW,
            debate=debate,
            actor=actor,
            target=user,
            reason_code=reason_code,
            reason=text,
            minutes=minutes,
        )
    return action


def _check_minutes(minutes) -> None:
    if (
        isinstance(minutes, bool)
        or not isinstance(minutes, int)
        or not 1 <= minutes <= settings.DEBATES_MAX_MUTE_MINUTES
    ):
        raise InvalidInput(_("A duration lasts between 1 minute and 24 hours."), code="INVALID_DURATION")


def participant_mute(
    *, actor: User, debate_id: int, user_id: int, minutes: int, reason_code: str, reason: str = ""
) -> ModerationAction:
    """Third step: the participant may not post for ``minutes``."""
    debate, user, text = _prepare(actor, debate_id, user_id, reason_code, reason, minutes=minutes)
    with transaction.atomic():
        rooms.participant_mute(actor=actor, debate=debate, user_id=user.pk, minutes=minutes, reason=text)
        action = action_record(
            kind=Kind.MUTE,
            debate=debate,
            actor=actor,
            target=user,
            reason_code=reason_code,
            reason=text,
            minutes=minutes,
        )
    return action


def room_slow_down(
    *, actor: User, debate_id: int, seconds: int, reason_code: str, reason: str = "", user_id: int | None = None
) -> ModerationAction:
    """Fourth step: slow mode for the whole room (``user_id``: the participant whose behaviour
    led to it, for the ladder)."""
    debate, user, text = _prepare(actor, debate_id, user_id, reason_code, reason, user_required=False)
    with transaction.atomic():
        rooms.room_set_mode(actor=actor, debate=debate, mode=Debate.Mode.SLOW, slow_seconds=seconds)
        return action_record(
            kind=Kind.SLOW_MODE, debate=debate, actor=actor, target=user, reason_code=reason_code, reason=text
        )


def room_pause(
    *, actor: User, debate_id: int, reason_code: str, reason: str = "", user_id: int | None = None
) -> ModerationAction:
    """Fifth step: pause the room (only facilitators post until they open it again)."""
    debate, user, text = _prepare(actor, debate_id, user_id, reason_code, reason, user_required=False)
    with transaction.atomic():
        rooms.room_set_mode(actor=actor, debate=debate, mode=Debate.Mode.PAUSED)
        return action_record(
            kind=Kind.PAUSE, debate=debate, actor=actor, target=user, reason_code=reason_code, reason=text
        )


def participant_exclude(
    *, actor: User, debate_id: int, user_id: int, reason_code: str, reason: str = ""
) -> ModerationAction:
    """Last step, always a person's decision: the participant may no longer post, raise a hand
    or get the floor in this debate, until an appeal is upheld. They still read the debate."""
    debate, user, text = _prepare(actor, debate_id, user_id, reason_code, reason)
    with transaction.atomic():
        locked = Debate.objects.select_for_update().get(pk=debate.pk)
        participation = Participation.objects.select_for_update().get(debate=locked, user=user)
        participation.muted_until = EXCLUSION_MARK
        participation.mute_reason = text
        participation.muted_by = actor
        participation.hand_raised_at = None
        participation.save(update_fields=["muted_until", "mute_reason", "muted_by", "hand_raised_at"])
        frame = {"type": "participant.excluded", "user_id": user.pk, "reason": text}
        transaction.on_commit(lambda: room_events.to_user(debate.pk, user.pk, frame))
        if locked.floor_user_id == user.pk:
            rooms.floor_end(actor=actor, debate=locked)
        action = action_record(
            kind=Kind.EXCLUDE, debate=debate, actor=actor, target=user, reason_code=reason_code, reason=text
        )
    return action
