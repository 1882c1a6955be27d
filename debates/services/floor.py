"""Turns of speech: raising and lowering a hand, giving and ending the floor."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.errors import InvalidInput, InvalidState, NotFound
from core.permissions import require
from debates.models import Debate, Participation
from debates.services.common import (
    _floor_changed,
    _lock,
    _participation,
    _queue_changed,
)


def _require_open(debate: Debate) -> None:
    if debate.status != Debate.Status.OPEN:
        raise InvalidState(_("This debate is not open."), code="ROOM_CLOSED")


def hand_raise(*, actor: User, debate: Debate) -> Participation:
    """Ask for the floor: the participant joins the speaking queue."""
    require(actor, "debates.raise_hand", debate)
    with transaction.atomic():
        debate = _lock(debate)
        _require_open(debate)
        participation = _participation(debate, actor)
        if not participation.charter_accepted_at:
            raise InvalidState(_("Accept the debate's charter before posting."), code="CHARTER_REQUIRED")
        if participation.muted_until and participation.muted_until > timezone.now():
            raise InvalidState(_("A facilitator has muted you for a while."), code="MUTED")
        if participation.hand_raised_at is None and debate.floor_user_id != actor.pk:
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
    if not debate.floor_user_id:
        return
    now = timezone.now()
    speaker = Participation.objects.select_for_update().filter(debate=debate, user_id=debate.floor_user_id).first()
    if speaker and debate.floor_since:
        spoken = int((min(now, debate.floor_until or now) - debate.floor_since).total_seconds())
        speaker.speaking_seconds += max(0, spoken)
        speaker.save(update_fields=["speaking_seconds"])
    debate.floor_user = None
    debate.floor_until = None
    debate.floor_since = None
    debate.save(update_fields=["floor_user", "floor_until", "floor_since"])
    _floor_changed(debate, actor=actor)


def floor_give(*, actor: User, debate: Debate, user_id: int, seconds: int | None = None) -> Debate:
    """Give the floor to a participant for a time box stored on the debate (survives restarts)."""
    require(actor, "debates.moderate_debate", debate)
    seconds = settings.DEBATES_FLOOR_SECONDS if seconds is None else seconds
    if not settings.DEBATES_FLOOR_MIN_SECONDS <= seconds <= settings.DEBATES_FLOOR_MAX_SECONDS:
        raise InvalidInput(
            _("A speaking turn lasts between %(min)s and %(max)s seconds.")
            % {"min": settings.DEBATES_FLOOR_MIN_SECONDS, "max": settings.DEBATES_FLOOR_MAX_SECONDS},
            code="INVALID_DURATION",
        )
    with transaction.atomic():
        debate = _lock(debate)
        _require_open(debate)
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
        _end_floor(debate, actor=actor)
        now = timezone.now()
        debate.floor_user = speaker.user
        debate.floor_since = now
        debate.floor_until = now + timedelta(seconds=seconds)
        debate.save(update_fields=["floor_user", "floor_since", "floor_until"])
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
        if not debate.floor_user_id:
            raise InvalidState(_("Nobody has the floor."), code="NO_FLOOR")
        _end_floor(debate, actor=actor)
    return debate
