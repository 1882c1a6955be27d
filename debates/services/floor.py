"""Turns of speech: raising and lowering a hand, giving and ending the floor, speakers in the hall."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.errors import InvalidInput, InvalidState, NotFound
from core.permissions import require
from debates.models import Debate, HallSpeaker, Participation
from debates.services.common import _floor_changed, _lock, _participation, _queue_changed


def _require_open(debate: Debate) -> None:
    if debate.status != Debate.Status.OPEN:
        raise InvalidState(_("This debate is not open."), code="ROOM_CLOSED")


def hand_raise(*, actor: User, debate: Debate) -> Participation:
    """Ask for the floor: the participant joins the speaking queue (again after a turn that
    ran out). Raising a hand already up changes nothing; the one who has the floor is told so."""
    require(actor, "debates.raise_hand", debate)
    with transaction.atomic():
        debate = _lock(debate)
        _require_open(debate)
        _expire_floor(debate)
        participation = _participation(debate, actor)
        if not participation.charter_accepted_at:
            raise InvalidState(_("Accept the debate's charter before posting."), code="CHARTER_REQUIRED")
        if participation.muted_until and participation.muted_until > timezone.now():
            raise InvalidState(_("A facilitator has muted you for a while."), code="MUTED")
        if debate.floor_user_id == actor.pk:
            raise InvalidState(_("You already have the floor."), code="HAS_FLOOR")
        if participation.hand_raised_at is None:
            participation.hand_raised_at = timezone.now()
            participation.save(update_fields=["hand_raised_at"])
            _queue_changed(debate, actor=actor)
    return participation


def hand_lower(*, actor: User, debate: Debate) -> Participation:
    """Leave the speaking queue (nothing happens if the hand was not raised)."""
    require(actor, "debates.follow_debate", debate)
    with transaction.atomic():
        debate = _lock(debate)
        participation = _participation(debate, actor)
        if participation.hand_raised_at is not None:
            participation.hand_raised_at = None
            participation.save(update_fields=["hand_raised_at"])
            _queue_changed(debate, actor=actor)
    return participation


def _end_floor(debate: Debate, *, actor) -> None:
    """End the locked debate's speaking turn, count the time spoken, tell the room."""
    if not debate.floor_user_id and not debate.floor_hall_speaker_id:
        return
    now = timezone.now()
    speaker: Participation | HallSpeaker | None
    if debate.floor_user_id:
        speaker = Participation.objects.select_for_update().filter(debate=debate, user_id=debate.floor_user_id).first()
    else:
        speaker = HallSpeaker.objects.select_for_update().filter(id=debate.floor_hall_speaker_id or 0).first()
    if speaker and debate.floor_since:
        spoken = int((min(now, debate.floor_until or now) - debate.floor_since).total_seconds())
        speaker.speaking_seconds += max(0, spoken)
        speaker.save(update_fields=["speaking_seconds"])
    debate.floor_user = None
    debate.floor_hall_speaker = None
    debate.floor_until = None
    debate.floor_since = None
    debate.save(update_fields=["floor_user", "floor_hall_speaker", "floor_until", "floor_since"])
    _floor_changed(debate, actor=actor)


def _expire_floor(debate: Debate) -> bool:
    """End the locked debate's turn if its time box has run out; whether it did."""
    if debate.floor_until and debate.floor_until <= timezone.now():
        _end_floor(debate, actor=None)
        return True
    return False


def floor_expire(*, debate_id: int) -> datetime | None:
    """End the speaking turn of a debate whose time box has run out, and tell the room.

    The room's clock calls it (``debates.floor_clock``) in every process that has sockets in the
    room: the row lock makes the calls queue and only the first one finds a turn to end, so the
    room gets one ``floor.changed``. Returns the end of a turn still running (a new turn given
    meanwhile), for the clock to wait for, else None.
    """
    with transaction.atomic():
        debate = Debate.objects.select_for_update().filter(pk=debate_id).first()
        if debate is None:
            return None
        _expire_floor(debate)
        return debate.floor_until


def _time_box(seconds: int | None) -> int:
    seconds = settings.DEBATES_FLOOR_SECONDS if seconds is None else seconds
    if not settings.DEBATES_FLOOR_MIN_SECONDS <= seconds <= settings.DEBATES_FLOOR_MAX_SECONDS:
        raise InvalidInput(
            _("A speaking turn lasts between %(min)s and %(max)s seconds.")
            % {"min": settings.DEBATES_FLOOR_MIN_SECONDS, "max": settings.DEBATES_FLOOR_MAX_SECONDS},
            code="INVALID_DURATION",
        )
    return seconds


def floor_give(
    *, actor: User, debate: Debate, user_id: int | None = None, hall_id: int | None = None, seconds: int | None = None
) -> Debate:
    """Give the floor for a time box stored on the debate (survives restarts) to a participant
    online (``user_id``) or to a person present in the hall (``hall_id``): one queue, one clock."""
    require(actor, "debates.moderate_debate", debate)
    if (user_id is None) == (hall_id is None):
        raise InvalidInput(_("Give the floor to one participant or one person in the hall."), code="INVALID_FRAME")
    seconds = _time_box(seconds)
    with transaction.atomic():
        debate = _lock(debate)
        _require_open(debate)
        speaker: Participation | HallSpeaker | None
        if user_id is not None:
            speaker = (
                Participation.objects.select_for_update()
                .filter(debate=debate, user_id=user_id)
                .select_related("user")
                .first()
            )
            if speaker is None or not speaker.charter_accepted_at:
                raise NotFound(_("This person is not taking part in this debate."))
            if speaker.muted_until and speaker.muted_until > timezone.now():
                raise InvalidState(_("This participant is muted."), code="MUTED")
        else:
            speaker = HallSpeaker.objects.select_for_update().filter(id=hall_id or 0, debate=debate).first()
            if speaker is None:
                raise NotFound(_("This person is not in this debate's hall."))
        _end_floor(debate, actor=actor)
        now = timezone.now()
        debate.floor_user = speaker.user if isinstance(speaker, Participation) else None
        debate.floor_hall_speaker = speaker if isinstance(speaker, HallSpeaker) else None
        debate.floor_since = now
        debate.floor_until = now + timedelta(seconds=seconds)
        debate.save(update_fields=["floor_user", "floor_hall_speaker", "floor_since", "floor_until"])
        was_queued = speaker.hand_raised_at is not None
        speaker.hand_raised_at = None
        speaker.spoken_count += 1
        speaker.save(update_fields=["hand_raised_at", "spoken_count"])
        _floor_changed(debate, actor=actor)
        if was_queued:
            _queue_changed(debate, actor=actor)
    return debate


def floor_end(*, actor: User, debate: Debate) -> Debate:
    """End the current speaking turn (the facilitator, or the speaker who is done)."""
    with transaction.atomic():
        debate = _lock(debate)
        require(actor, "debates.end_floor", debate)
        if not debate.floor_user_id and not debate.floor_hall_speaker_id:
            raise InvalidState(_("Nobody has the floor."), code="NO_FLOOR")
        _end_floor(debate, actor=actor)
    return debate


MAX_HALL_NAME_LENGTH = 80


def hall_speaker_add(*, actor: User, debate: Debate, name: str) -> HallSpeaker:
    """A facilitator puts a person present in the hall in the speaking queue, by the name they
    give (no account, nothing else stored)."""
    require(actor, "debates.moderate_debate", debate)
    name = " ".join((name or "").split())
    if not name:
        raise InvalidInput(_("Write the name of the person in the hall."), code="EMPTY")
    if len(name) > MAX_HALL_NAME_LENGTH:
        raise InvalidInput(_("This name is too long."), code="TOO_LONG")
    with transaction.atomic():
        debate = _lock(debate)
        _require_open(debate)
        speaker = HallSpeaker.objects.create(debate=debate, name=name, added_by=actor, hand_raised_at=timezone.now())
        _queue_changed(debate, actor=actor)
    return speaker


def hall_speaker_remove(*, actor: User, debate: Debate, hall_id: int) -> HallSpeaker:
    """Take a person present in the hall out of the speaking queue."""
    require(actor, "debates.moderate_debate", debate)
    with transaction.atomic():
        debate = _lock(debate)
        speaker = HallSpeaker.objects.select_for_update().filter(pk=hall_id, debate=debate).first()
        if speaker is None:
            raise NotFound(_("This person is not in this debate's hall."))
        if speaker.hand_raised_at is not None:
            speaker.hand_raised_at = None
            speaker.save(update_fields=["hand_raised_at"])
            _queue_changed(debate, actor=actor)
    return speaker
