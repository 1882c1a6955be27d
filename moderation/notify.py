"""Telling a participant about a moderation action that concerns them: a notification (in the
site, and by e-mail as they chose) with the reason and the link to appeal. The room also tells
them live through its own frames.

``action_told`` is called by ``log.action_record``, in the transaction of the action: an
action and the notice about it commit or fail together.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from notifications import registry
from notifications.services import notify

from .models import Appeal, ModerationAction

Kind = ModerationAction.Kind

# Actions a participant may appeal: those that take something away from them.
APPEALABLE = frozenset({Kind.REJECT, Kind.HIDE, Kind.KEEP_HIDDEN, Kind.REVIEW, Kind.MUTE, Kind.EXCLUDE})

# Which notification each action concerning a participant gives (the others give none).
NOTIFIED = {
    Kind.HOLD: "message_held",
    Kind.REJECT: "message_refused",
    Kind.HIDE: "message_hidden",
    Kind.KEEP_HIDDEN: "message_hidden",
    Kind.RESTORE: "message_restored",
    Kind.APPROVE: "message_restored",
    Kind.REMINDER: "moderation_action",
    Kind.REVIEW: "moderation_action",
    Kind.MUTE: "moderation_action",
    Kind.EXCLUDE: "moderation_action",
    Kind.APPEAL_UPHELD: "appeal_decided",
    Kind.APPEAL_DISMISSED: "appeal_decided",
}


def appeal_url(action: ModerationAction) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("moderation:appeal", args=[action.pk])


def _url(action: ModerationAction) -> str:
    if action.kind in APPEALABLE:
        return reverse("moderation:appeal", args=[action.pk])
    if action.message_id and action.kind in (Kind.RESTORE, Kind.APPROVE):
        return f"{action.debate.get_absolute_url()}#message-{action.message_id}"
    return action.debate.get_absolute_url()


def _action_context(notification) -> dict:
    action = notification.target
    return {
        "action": action,
        "kind": action.get_kind_display(),
        "debate": action.debate,
        "reason": action.reason,
        "room_url": settings.SITE_URL.rstrip("/") + action.debate.get_absolute_url(),
        "appeal_url": appeal_url(action) if action.kind in APPEALABLE else "",
    }


def _appeal_context(notification) -> dict:
    action = notification.target
    appeal = action.appeal
    return {
        "appeal": appeal,
        "upheld": appeal.status == Appeal.Status.UPHELD,
        "debate": action.debate,
        "reason": appeal.decision_reason,
        "room_url": settings.SITE_URL.rstrip("/") + action.debate.get_absolute_url(),
    }


registry.register_target(
    ModerationAction,
    title=lambda action: action.debate.title,
    url=_url,
    # Only the person the action concerns is ever told of it.
    visible=lambda user, action: action.target_id == user.pk,
    queryset=lambda: ModerationAction.objects.select_related("debate"),
)

GROUP = _("Moderation of my messages")
_action_email = {"email_template": "moderation/email/action", "email_context": _action_context}
registry.register_kind(
    "message_held",
    group=GROUP,
    label=_("My message is held for review"),
    text=_("Your message in the debate “%(object)s” waits for a facilitator’s review."),
    # The room says it at once; an e-mail would only repeat it.
    default="never",
)
registry.register_kind(
    "message_refused",
    group=GROUP,
    label=_("My message is refused"),
    text=_("Your message in the debate “%(object)s” was refused."),
    **_action_email,
)
registry.register_kind(
    "message_hidden",
    group=GROUP,
    label=_("My message is hidden"),
    text=_("Your message in the debate “%(object)s” was hidden."),
    **_action_email,
)
registry.register_kind(
    "message_restored",
    group=GROUP,
    label=_("My message is published or restored"),
    text=lambda data: (
        _("Your message in the debate “%(object)s” is published after review.")
        if data.get("published")
        else _("Your message in the debate “%(object)s” is visible again.")
    ),
)
registry.register_kind(
    "moderation_action",
    group=GROUP,
    label=_("A facilitator’s decision about me"),
    text=_("A facilitator’s decision in the debate “%(object)s” concerns you."),
    **_action_email,
)
registry.register_kind(
    "appeal_decided",
    group=GROUP,
    label=_("My appeal is decided"),
    text=lambda data: (
        _("Your appeal about the debate “%(object)s” is upheld: the decision is cancelled.")
        if data.get("upheld")
        else _("Your appeal about the debate “%(object)s” is dismissed: the decision stays.")
    ),
    email_template="moderation/email/appeal",
    email_context=_appeal_context,
)


def action_told(action: ModerationAction) -> None:
    """Notify the participant an action concerns (inside the action's transaction)."""
    kind = NOTIFIED.get(action.kind)
    if kind is None or action.target is None:
        return
    data = {"reason": action.reason} if action.reason else {}
    if action.kind == Kind.APPROVE:
        data["published"] = True
    if kind == "appeal_decided":
        data["upheld"] = action.kind == Kind.APPEAL_UPHELD
    notify(recipients=[action.target], kind=kind, object=action, actor=action.actor, data=data)
