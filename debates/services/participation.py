"""Taking part in a room: the charter, following a debate, and a facilitator muting a participant."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.errors import InvalidInput, NotFound
from core.permissions import require
from debates import events
from debates.models import Debate, Participation
from debates.predicates import is_debate_facilitator
from debates.services.common import _clean_reason, _lock, _participation
from debates.services.floor import _end_floor


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
        participation.muted_until = timezone.now() + timedelta(minutes=minutes)
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
