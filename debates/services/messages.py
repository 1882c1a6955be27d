"""Posting a message through the facilitation pipeline, and the facilitators' decisions on
messages (approve, reject, hide) and the residents' reports."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.predicates import has_verified_email
from core.errors import ApplicationError, InvalidInput, InvalidState, NotFound
from core.html import plain_text_to_html
from core.permissions import require
from debates import events, extensions, frames, notices, posting
from debates.models import Debate, Message, Participation, Report
from debates.predicates import is_debate_facilitator
from debates.services.common import (
    _clean_reason,
    _lock,
    _message_of,
    _message_transition,
    _participation,
    _publish,
    _record,
)
from facilitation.models import FacilitationProfile
from facilitation.pipeline import Decision, MessageContext, Verdict

MAX_REFORMULATION_LENGTH = 2000


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
            "under_review": extensions.under_review(debate_id=debate.pk, user_id=actor.pk),
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
    if debate.profile_id and debate.profile is not None:
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
            extensions.message_held(debate=debate, message=message, rule=verdict.rule)
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
