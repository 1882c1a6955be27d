"""Appeals: the participant a decision concerns asks for it to be looked at again; another
facilitator of the debate, a city agent or an administrator decides — never the person who
acted. An upheld appeal undoes the decision."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from cite.errors import InvalidInput, InvalidState, NotFound, PermissionDenied
from debates import services as rooms
from debates.models import Message, Participation

from .. import events, notify
from ..log import action_record
from ..models import Appeal, ModerationAction
from .common import MAX_FREE_TEXT, require
from .decisions import is_exclusion

Kind = ModerationAction.Kind
MAX_APPEAL_LENGTH = 2000
TRANSITIONS = {
    Appeal.Status.PENDING: {Appeal.Status.UPHELD, Appeal.Status.DISMISSED},
    Appeal.Status.UPHELD: set(),
    Appeal.Status.DISMISSED: set(),
}


def _transition(appeal: Appeal, status: str) -> None:
    if status not in TRANSITIONS[appeal.status]:
        raise InvalidState(_("This appeal has already been decided."), code="ALREADY_DECIDED")
    appeal.status = status


def _action_of(action_id) -> ModerationAction:
    if isinstance(action_id, bool) or not isinstance(action_id, int):
        raise NotFound(_("This decision does not exist."))
    action = (
        ModerationAction.objects.select_related("debate", "message", "target", "actor").filter(pk=action_id).first()
    )
    if action is None:
        raise NotFound(_("This decision does not exist."))
    return action


def appeal_create(*, actor: User, action_id: int, text: str) -> Appeal:
    """Appeal a decision that concerns ``actor`` (once per decision)."""
    action = _action_of(action_id)
    require(actor, "moderation.appeal_action", action)
    if action.target_id != actor.pk:  # administrators hold every permission, not this one
        raise PermissionDenied()
    if action.kind not in notify.APPEALABLE:
        raise InvalidState(_("This decision cannot be appealed."), code="NOT_APPEALABLE")
    text = (text or "").strip()
    if not text:
        raise InvalidInput(_("Say why the decision should change."), code="TEXT_REQUIRED")
    if len(text) > MAX_APPEAL_LENGTH:
        raise InvalidInput(
            _("The text is too long (%(max)s characters at most).") % {"max": MAX_APPEAL_LENGTH}, code="TOO_LONG"
        )
    with transaction.atomic():
        ModerationAction.objects.select_for_update().filter(pk=action.pk).first()
        if Appeal.objects.filter(action=action).exists():
            raise InvalidState(_("You have already appealed this decision."), code="ALREADY_APPEALED")
        appeal = Appeal.objects.create(action=action, appellant=actor, text=text)
        debate_id = action.debate_id
        transaction.on_commit(lambda: events.queue_changed(debate_id))
    return appeal


def appeal_decide(*, actor: User, appeal_id: int, uphold: bool, reason: str) -> Appeal:
    """Uphold (undo the decision) or dismiss an appeal, with a reason the appellant reads."""
    if isinstance(appeal_id, bool) or not isinstance(appeal_id, int):
        raise NotFound(_("This appeal does not exist."))
    appeal = (
        Appeal.objects.select_related("action__debate", "action__message", "appellant").filter(pk=appeal_id).first()
    )
    if appeal is None:
        raise NotFound(_("This appeal does not exist."))
    require(actor, "moderation.decide_appeal", appeal)
    # Django grants every permission to an administrator; this rule holds for them too.
    if appeal.action.actor_id == actor.pk:
        raise PermissionDenied(
            _("You took this decision: another facilitator or a city agent decides the appeal."), code="OWN_DECISION"
        )
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(_("Give a reason: the participant will read it."), code="REASON_REQUIRED")
    if len(reason) > MAX_FREE_TEXT * 3:
        raise InvalidInput(_("The reason is too long."), code="TOO_LONG")
    with transaction.atomic():
        appeal = (
            Appeal.objects.select_for_update(of=("self",))
            .select_related("action__debate", "action__message")
            .get(pk=appeal.pk)
        )
        _transition(appeal, Appeal.Status.UPHELD if uphold else Appeal.Status.DISMISSED)
        appeal.decided_by = actor
        appeal.decided_at = timezone.now()
        appeal.decision_reason = reason
        appeal.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
        if uphold:
            _undo(appeal.action, actor=actor)
        action_record(
            kind=Kind.APPEAL_UPHELD if uphold else Kind.APPEAL_DISMISSED,
            debate=appeal.action.debate,
            actor=actor,
            message=appeal.action.message,
            target=appeal.appellant,
            reason=reason,
            pending_since=appeal.created_at,
            appeal=appeal,
        )
    return appeal


def _undo(action: ModerationAction, *, actor: User) -> None:
    """Cancel the effect of an appealed decision if it still holds."""
    debate = action.debate
    if action.kind in (Kind.HIDE, Kind.KEEP_HIDDEN, Kind.REJECT):
        message = Message.objects.get(pk=action.message_id)
        if message.state in (Message.State.HIDDEN, Message.State.REJECTED):
            rooms.message_approve(actor=actor, debate=debate, message_id=message.pk, appeal=action.appeal_made)
    elif action.kind in (Kind.MUTE, Kind.EXCLUDE):
        participation = (
            Participation.objects.select_for_update().filter(debate=debate, user_id=action.target_id).first()
        )
        still = (
            participation
            and participation.muted_until
            and (
                is_exclusion(participation.muted_until)
                if action.kind == Kind.EXCLUDE
                else participation.muted_until > timezone.now()
            )
        )
        if still:
            participation.muted_until = None
            participation.mute_reason = ""
            participation.save(update_fields=["muted_until", "mute_reason"])
    # A review period simply stops counting once upheld (see selectors.under_review).
