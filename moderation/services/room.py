"""The moderation services as the live room calls them: with the room's debate, a message or
participant id from a frame, and a reason that may be free text only.

The room's socket serves one debate: an id from another debate is NOT_FOUND there, even for
someone who facilitates both. A free-text reason without a template counts as "other" in the
register; no reason at all is refused, as everywhere.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from cite.errors import InvalidInput, NotFound
from debates import events as room_events
from debates.models import Debate, Report

from .. import reasons
from ..models import ModerationAction
from . import decisions
from .common import message_of, require
from .reports import report_submit


def _in_room(debate: Debate, message_id, *, perm: str = "moderation.moderate_debate", actor=None) -> int:
    # Permission first, as the room always did: a resident learns nothing about ids.
    if perm:
        require(actor, perm, debate)
    message = message_of(message_id)
    if message.debate_id != debate.pk:
        raise NotFound(_("This message does not exist in this debate."))
    return message.pk


def _code(reason_code: str, reason: str) -> str:
    if reason_code:
        return reason_code
    if not (reason or "").strip():
        raise InvalidInput(
            _("Give a reason: the participant and the public register will see it."), code="REASON_REQUIRED"
        )
    return reasons.OTHER


def room_message_approve(*, actor: User, debate: Debate, message_id: int) -> ModerationAction:
    return decisions.message_approve(actor=actor, message_id=_in_room(debate, message_id, actor=actor))


def room_message_reject(
    *, actor: User, debate: Debate, message_id: int, reason: str = "", reason_code: str = ""
) -> ModerationAction:
    return decisions.message_reject(
        actor=actor,
        message_id=_in_room(debate, message_id, actor=actor),
        reason_code=_code(reason_code, reason),
        reason=reason,
    )


def room_message_hide(
    *, actor: User, debate: Debate, message_id: int, reason: str = "", reason_code: str = ""
) -> ModerationAction:
    return decisions.message_hide(
        actor=actor,
        message_id=_in_room(debate, message_id, actor=actor),
        reason_code=_code(reason_code, reason),
        reason=reason,
    )


def room_participant_mute(
    *, actor: User, debate: Debate, user_id: int, minutes: int, reason: str = "", reason_code: str = ""
) -> ModerationAction:
    require(actor, "moderation.moderate_debate", debate)
    return decisions.participant_mute(
        actor=actor,
        debate_id=debate.pk,
        user_id=user_id,
        minutes=minutes,
        reason_code=_code(reason_code, reason),
        reason=reason,
    )


def room_report_create(*, actor: User, debate: Debate, message_id: int, reason: str, detail: str = "") -> Report:
    message_id = _in_room(debate, message_id, actor=actor, perm="debates.report_message")
    with transaction.atomic():
        report = report_submit(actor=actor, message_id=message_id, reason=reason, detail=detail)
        # The room's console lists the reports live; the reporter stays anonymous there.
        frame = {
            "type": "report.created",
            "message_id": message_id,
            "reason": report.reason,
            "count": Report.objects.filter(message_id=message_id).count(),
        }
        transaction.on_commit(lambda: room_events.to_facilitators(debate.pk, frame))
    return report
