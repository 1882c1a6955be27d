"""Telling a participant about a moderation action that concerns them: an e-mail in their
language with the reason and the link to appeal (the room tells them live through its own
frames)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from core.mail import send_to_user

from .models import Appeal, ModerationAction

# Actions a participant may appeal: those that take something away from them.
APPEALABLE = frozenset(
    {
        ModerationAction.Kind.REJECT,
        ModerationAction.Kind.HIDE,
        ModerationAction.Kind.KEEP_HIDDEN,
        ModerationAction.Kind.REVIEW,
        ModerationAction.Kind.MUTE,
        ModerationAction.Kind.EXCLUDE,
    }
)


def appeal_url(action: ModerationAction) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("moderation:appeal", args=[action.pk])


def action_told(action: ModerationAction) -> None:
    """E-mail the participant an action concerns (after commit)."""
    if action.target is None:
        return
    context = {
        "action": action,
        "kind": action.get_kind_display(),
        "debate": action.debate,
        "reason": action.reason,
        "room_url": settings.SITE_URL.rstrip("/") + action.debate.get_absolute_url(),
        "appeal_url": appeal_url(action) if action.kind in APPEALABLE else "",
    }
    send_to_user(user=action.target, template="moderation/email/action", context=context)


def appeal_decided(appeal: Appeal) -> None:
    context = {
        "appeal": appeal,
        "upheld": appeal.status == Appeal.Status.UPHELD,
        "debate": appeal.action.debate,
        "reason": appeal.decision_reason,
        "room_url": settings.SITE_URL.rstrip("/") + appeal.action.debate.get_absolute_url(),
    }
    send_to_user(user=appeal.appellant, template="moderation/email/appeal", context=context)
