"""Services of the debate rooms: every action of the WebSocket protocol and of the pages.

Each service checks a django-rules permission, locks the debate row (which also serialises the
room's event log), records the public events in the log with the next ``seq`` and sends them
to the room only once the transaction has committed (``debates.events``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.predicates import has_verified_email
from cite.errors import ApplicationError, InvalidInput, InvalidState, NotFound
from cite.html import plain_text_to_html
from cite.permissions import require
from debates import events, frames, notices, posting, selectors
from debates.models import Debate, HallSpeaker, Message, Participation, Report, RoomEvent
from debates.predicates import is_debate_facilitator
from moderation import log as moderation_log
from moderation import selectors as moderation_selectors
from moderation.models import FacilitationProfile
from moderation.pipeline import Decision, MessageContext, Verdict

MAX_REASON_LENGTH = 300
MAX_REFORMULATION_LENGTH = 2000

STATUS_TRANSITIONS = {
    Debate.Status.SCHEDULED: {Debate.Status.OPEN, Debate.Status.CLOSED},
    Debate.Status.OPEN: {Debate.Status.CLOSED},
    Debate.Status.CLOSED: {Debate.Status.OPEN, Debate.Status.ARCHIVED},
    Debate.Status.ARCHIVED: set(),
}
MESSAGE_TRANSITIONS = {
    Message.State.HELD: {Message.State.PUBLISHED, Message.State.REJECTED},
    Message.State.PUBLISHED: {Message.State.HIDDEN},
    # A hidden message comes back when a facilitator or an appeal decides so.
    Message.State.HIDDEN: {Message.State.PUBLISHED},
    # An upheld appeal publishes a refused message after all (moderation.services.appeal_decide).
    Message.State.REJECTED: {Message.State.PUBLISHED},
}


class PostRefused(ApplicationError):
    """A gate or a facilitation rule refused the message; ``code`` says which."""

    http_status = 409


@dataclass(frozen=True)
class PostResult:
    """What happened to a posted message: ``status`` is published, held or nudged."""

    status: str
    client_id: str
    message: Message | None = None
    verdict: Verdict | None = None


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


# --- Participation ---------------------------------------------------------------------------


def debate_accept_charter(*, actor: User, debate: Debate) -> Participation:
    """Record that ``actor`` accepts the debate's charter (idempotent)."""
    require(actor, "debates.accept_charter", debate)
    with transaction.atomic():
        participation = _participation(debate, actor)
        if participation.charter_accepted_at is None:
            participation.charter_accepted_at = timezone.now()
            participation.save(update_fields=["charter_accepted_at"])
    return participation


def debate_follow(*, actor: User, debate: Debate, follow: bool = True) -> Participation:
    """Follow (or stop following) a debate: followers get an e-mail before each session."""
    require(actor, "debates.follow_debate", debate)
    with transaction.atomic():
        participation = _participation(debate, actor)
        participation.following = follow
        participation.save(update_fields=["following"])
    return participation


# --- Messages --------------------------------------------------------------------------------


def _context(
    *,
    actor: User,
    debate: Debate,
    participation: Participation | None,
    body: str,
    reply_to,
    reformulation: str,
    confirm: bool,
    profile,
) -> MessageContext:
    recent = list(
        Message.objects.filter(debate=debate, author=actor)
        .order_by("-created_at")
        .values_list("body", "created_at")[: posting.history_size(profile)]
    )
    published_count = Message.objects.filter(debate=debate, author=actor, state=Message.State.PUBLISHED).count()
    return MessageContext(
        body=body,
        author_id=actor.pk,
        debate_id=debate.pk,
        language=getattr(actor, "preferred_language", "fr") or "fr",
        now=timezone.now(),
        reply_to_body=reply_to.body if reply_to else None,
        reformulation=reformulation,
        confirm=confirm,
        published_count=published_count,
        recent_bodies=tuple(b for b, _t in recent),
        recent_times=tuple(t for _b, t in recent),
        room={
            "mode": debate.mode,
            "status": debate.status,
            "slow_seconds": debate.slow_seconds,
            "floor_user_id": debate.floor_user_id,
            "floor_until": debate.floor_until,
            "max_length": profile.max_length,
            "profile_id": profile.pk,
            "reformulation_required": reformulation_required(debate, profile),
        },
        participant={
            "charter_accepted": bool(participation and participation.charter_accepted_at),
            "muted_until": participation.muted_until if participation else None,
            "verified": has_verified_email(actor),
            "is_facilitator": is_debate_facilitator(actor, debate),
            "last_post_at": participation.last_post_at if participation else None,
            # The second rung of the escalation ladder: a facilitator's review period.
            "under_review": moderation_selectors.under_review(debate_id=debate.pk, user_id=actor.pk),
        },
    )


def reformulation_required(debate: Debate, profile: FacilitationProfile | None = None) -> bool:
    """Whether replies in this room must start with a reformulation: the facilitators' choice
    for the room, else what its facilitation profile says."""
    if debate.reformulation_required is not None:
        return debate.reformulation_required
    return (profile or debate_profile(debate)).reformulation_required


def debate_profile(debate: Debate) -> FacilitationProfile:
    """The debate's facilitation profile, else the default one; a site whose default profile
    was deleted still runs its rooms, with the profile's default values."""
    if debate.profile_id:
        return debate.profile
    return FacilitationProfile.objects.filter(is_default=True).first() or FacilitationProfile(name="default")


def message_post(
    *,
    actor: User,
    debate: Debate,
    client_id: uuid.UUID,
    body: str,
    reply_to_id: int | None = None,
    reformulation: str = "",
    confirm: bool = False,
) -> PostResult:
    """Post a message through the facilitation pipeline.

    Resending a ``client_id`` already stored returns the stored message and stores nothing.
    A nudge stores nothing unless ``confirm`` is true; a hold stores the message for review; a
    refusal raises :class:`PostRefused` with the rule's code and stores nothing.
    """
    require(actor, "debates.post_message", debate)
    if len(reformulation) > MAX_REFORMULATION_LENGTH:
        raise PostRefused(_("The reformulation is too long."), code="TOO_LONG")
    with transaction.atomic():
        debate = _lock(debate)
        existing = Message.objects.filter(debate=debate, author=actor, client_id=client_id).first()
        if existing is not None:
            return PostResult(status=existing.state, client_id=str(client_id), message=existing)
        reply_to = None
        if reply_to_id is not None:
            reply_to = Message.objects.filter(pk=reply_to_id, debate=debate, state=Message.State.PUBLISHED).first()
            if reply_to is None:
                raise NotFound(_("The message you reply to does not exist in this debate."))
        participation = Participation.objects.select_for_update().filter(debate=debate, user=actor).first()
        profile = debate_profile(debate)
        context = _context(
            actor=actor,
            debate=debate,
            participation=participation,
            body=body,
            reply_to=reply_to,
            reformulation=reformulation,
            confirm=confirm,
            profile=profile,
        )
        verdict = posting.evaluate(context, profile=profile)
        if verdict.decision is Decision.REJECT:
            raise PostRefused(verdict.explanation, code=verdict.code or "REJECTED", retry_after=verdict.retry_after)
        if verdict.decision is Decision.NUDGE and not confirm:
            return PostResult(status="nudged", client_id=str(client_id), verdict=verdict)
        held = verdict.decision is Decision.HOLD
        message = Message.objects.create(
            debate=debate,
            author=actor,
            client_id=client_id,
            body=body,
            body_html=plain_text_to_html(body),
            reply_to=reply_to,
            reformulation=reformulation.strip(),
            state=Message.State.HELD if held else Message.State.PUBLISHED,
            rule=verdict.rule if held else "",
        )
        if held:
            held_frame = {
                "type": "message.held",
                "message": frames.message(message, debate),
                "rule": verdict.rule,
                "explanation": str(verdict.explanation),
            }
            debate_id = debate.pk
            transaction.on_commit(lambda: events.to_facilitators(debate_id, held_frame))
            # The moderation log keeps the automatic hold and tells the facilitators' queue.
            moderation_log.action_record(kind="hold", debate=debate, message=message, rule=verdict.rule)
        else:
            _publish(debate, message, actor=actor)
            message.save(update_fields=["published_at", "seq"])
            notices.message_published(message)
        participation = participation or _participation(debate, actor)
        participation.last_post_at = context.now
        participation.save(update_fields=["last_post_at"])
    return PostResult(status=message.state, client_id=str(client_id), message=message, verdict=verdict)


def message_approve(*, actor: User, debate: Debate, message_id: int, appeal=None) -> Message:
    """Publish a held message, or a hidden or refused one again.

    With ``appeal``, the publication carries out an upheld appeal, which a city agent may decide
    without facilitating the debate: the appeal's permission is checked instead.
    """
    if appeal is not None:
        require(actor, "moderation.decide_appeal", appeal)
    else:
        require(actor, "debates.moderate_debate", debate)
    with transaction.atomic():
        debate = _lock(debate)
        message = _message_of(debate, message_id)
        _message_transition(message, Message.State.PUBLISHED)
        _publish(debate, message, actor=actor)
        message.save(update_fields=["state", "published_at", "seq", "updated_at"])
        _reviewed(debate, message)
        notices.message_published(message)
    return message


def message_reject(*, actor: User, debate: Debate, message_id: int, reason: str) -> Message:
    """Refuse a held message for good; its author is told why."""
    require(actor, "debates.moderate_debate", debate)
    reason = _clean_reason(reason)
    with transaction.atomic():
        debate = _lock(debate)
        message = _message_of(debate, message_id)
        _message_transition(message, Message.State.REJECTED)
        message.reason = reason
        message.save(update_fields=["state", "reason", "updated_at"])
        author_frame = {
            "type": "message.rejected",
            "message_id": message.pk,
            "client_id": str(message.client_id),
            "reason": reason,
        }
        debate_id, author_id = debate.pk, message.author_id
        transaction.on_commit(lambda: events.to_user(debate_id, author_id, author_frame))
        _reviewed(debate, message)
    return message


def _reviewed(debate: Debate, message: Message) -> None:
    frame = {"type": "message.reviewed", "message_id": message.pk, "state": message.state}
    debate_id = debate.pk
    transaction.on_commit(lambda: events.to_facilitators(debate_id, frame))


def message_hide(
    *, actor: User | None, debate: Debate, message_id: int, reason: str, by: str = Message.HiddenBy.FACILITATOR
) -> Message:
    """Hide a published message behind a public tombstone carrying the reason.

    ``by=automatic`` is for the moderation app's own decisions (e.g. enough reports) and takes
    no actor; a person's hide needs the moderation permission on this debate.
    """
    if by != Message.HiddenBy.AUTOMATIC:
        require(actor, "debates.moderate_debate", debate)
    reason = _clean_reason(reason)
    with transaction.atomic():
        debate = _lock(debate)
        message = _message_of(debate, message_id)
        _message_transition(message, Message.State.HIDDEN)
        message.reason = reason
        message.hidden_by = by
        message.save(update_fields=["state", "reason", "hidden_by", "updated_at"])
        _record(debate, "message.hidden", {"message_id": message.pk, "reason": reason, "by": by}, actor=actor)
    return message


def report_create(*, actor: User, debate: Debate, message_id: int, reason: str, detail: str = "") -> Report:
    """A participant reports a published message of someone else (once per message)."""
    require(actor, "debates.report_message", debate)
    if reason not in Report.Reason.values:
        raise InvalidInput(_("Choose one of the listed reasons."), code="INVALID_REASON")
    if len(detail) > 500:
        raise InvalidInput(_("The detail is too long."), code="TOO_LONG")
    with transaction.atomic():
        message = _message_of(debate, message_id)
        if message.state != Message.State.PUBLISHED:
            raise NotFound(_("This message does not exist in this debate."))
        if message.author_id == actor.pk:
            raise InvalidInput(_("You cannot report your own message."), code="OWN_MESSAGE")
        if Report.objects.filter(message=message, reporter=actor).exists():
            raise InvalidState(_("You have already reported this message."), code="ALREADY_REPORTED")
        return Report.objects.create(message=message, reporter=actor, reason=reason, detail=detail.strip())


# --- Facilitation ----------------------------------------------------------------------------


def participant_mute(*, actor: User, debate: Debate, user_id: int, minutes: int, reason: str) -> Participation:
    """Keep a participant from posting for ``minutes``; they are told until when and why."""
    require(actor, "debates.moderate_debate", debate)
    reason = _clean_reason(reason)
    if not 1 <= minutes <= settings.DEBATES_MAX_MUTE_MINUTES:
        raise InvalidInput(_("A mute lasts between 1 minute and 24 hours."), code="INVALID_DURATION")
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        raise NotFound(_("This participant does not exist."))
    if is_debate_facilitator(user, debate):
        raise InvalidInput(_("A facilitator cannot be muted."), code="CANNOT_MUTE_FACILITATOR")
    with transaction.atomic():
        debate = _lock(debate)
        participation = _participation(debate, user)
        participation.muted_until = timezone.now() + timezone.timedelta(minutes=minutes)
        participation.mute_reason = reason
        participation.muted_by = actor
        participation.hand_raised_at = None
        participation.save(update_fields=["muted_until", "mute_reason", "muted_by", "hand_raised_at"])
        frame = {
            "type": "participant.muted",
            "user_id": user.pk,
            "until": participation.muted_until.isoformat(),
            "reason": reason,
        }
        debate_id = debate.pk
        transaction.on_commit(lambda: events.to_user(debate_id, user.pk, frame))
        if debate.floor_user_id == user.pk:
            _end_floor(debate, actor=actor)
    return participation


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
    if debate.floor_user_id:
        speaker = Participation.objects.select_for_update().filter(debate=debate, user_id=debate.floor_user_id).first()
    else:
        speaker = HallSpeaker.objects.select_for_update().filter(pk=debate.floor_hall_speaker_id).first()
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


def floor_expire(*, debate_id: int) -> timezone.datetime | None:
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
            speaker = HallSpeaker.objects.select_for_update().filter(pk=hall_id, debate=debate).first()
            if speaker is None:
                raise NotFound(_("This person is not in this debate's hall."))
        _end_floor(debate, actor=actor)
        now = timezone.now()
        debate.floor_user = speaker.user if user_id is not None else None
        debate.floor_hall_speaker = speaker if hall_id is not None else None
        debate.floor_since = now
        debate.floor_until = now + timezone.timedelta(seconds=seconds)
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


def room_set_mode(*, actor: User, debate: Debate, mode: str, slow_seconds: int | None = None) -> Debate:
    """Change how the room runs: open, slow, turns, paused, or closed (which closes the debate).

    Setting a running mode on an upcoming or closed debate opens it.
    """
    require(actor, "debates.moderate_debate", debate)
    if mode != "closed" and mode not in Debate.Mode.values:
        raise InvalidInput(_("Unknown room mode."), code="INVALID_MODE")
    if slow_seconds is not None and not 5 <= slow_seconds <= 3600:
        raise InvalidInput(_("Slow mode waits between 5 seconds and one hour."), code="INVALID_DURATION")
    with transaction.atomic():
        debate = _lock(debate)
        fields = ["mode", "slow_seconds", "status"]
        if mode == "closed":
            _transition(debate, Debate.Status.CLOSED)
            debate.closed_at = timezone.now()
            fields.append("closed_at")
        else:
            if debate.status != Debate.Status.OPEN:
                _transition(debate, Debate.Status.OPEN)
            debate.mode = mode
        if slow_seconds is not None:
            debate.slow_seconds = slow_seconds
        debate.save(update_fields=fields)
        _record(debate, "mode.changed", frames.mode(debate), actor=actor)
        # A pause or the end of the debate stops the speaking turn too: nobody keeps the floor
        # in a room where nobody may post.
        if mode in ("closed", Debate.Mode.PAUSED):
            _end_floor(debate, actor=actor)
    return debate


def room_set_reformulation(*, actor: User, debate: Debate, required: bool | None) -> Debate:
    """Switch reformulation mode on (True) or off (False) in this room, or back to what its
    facilitation profile says (None). Everyone in the room is told (``reformulation.changed``)."""
    require(actor, "debates.moderate_debate", debate)
    if required not in (True, False, None):
        raise InvalidInput(_("Reformulation mode is on, off or as the profile says."), code="INVALID_FRAME")
    with transaction.atomic():
        debate = _lock(debate)
        debate.reformulation_required = required
        debate.save(update_fields=["reformulation_required"])
        _record(debate, "reformulation.changed", {"required": reformulation_required(debate)}, actor=actor)
    return debate


def debate_close(*, actor: User, debate: Debate, synthesis: str) -> Debate:
    """Close the debate with its synthesis (or update the synthesis of a closed debate)."""
    require(actor, "debates.close_debate", debate)
    synthesis = synthesis.strip()
    if not synthesis:
        raise InvalidInput(_("Write the synthesis of the debate."), code="SYNTHESIS_REQUIRED")
    with transaction.atomic():
        debate = _lock(debate)
        debate.synthesis = synthesis
        if debate.status == Debate.Status.CLOSED:
            debate.save(update_fields=["synthesis"])
            return debate
        _transition(debate, Debate.Status.CLOSED)
        debate.closed_at = timezone.now()
        debate.save(update_fields=["status", "closed_at", "synthesis"])
        _end_floor(debate, actor=actor)
        _record(debate, "mode.changed", frames.mode(debate), actor=actor)
    return debate
