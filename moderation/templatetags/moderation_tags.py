"""What the moderation app adds to a debate room: participants' own tools (mute someone for
oneself), the appeal link on one's own tombstones, the report page for browsers without
JavaScript. The room page includes ``{% moderation_room_tools %}`` once."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from .. import selectors

register = template.Library()


def room_tool_strings() -> dict[str, str]:
    return {
        "muteForMe": _("Stop reading {name}"),
        "unmuteForMe": _("Show {name}’s messages again"),
        "mutedMessage": _("Message from {name}, whom you muted."),
        "show": _("Show"),
        "hideAgain": _("Collapse"),
        "mutedNow": _("You will no longer see {name}’s messages unless you open them."),
        "unmutedNow": _("You see {name}’s messages again."),
        "appeal": _("Contest this decision"),
        "error": _("Something went wrong. Try again."),
    }


@register.inclusion_tag("moderation/includes/room_tools.html", takes_context=True)
def moderation_room_tools(context):
    request = context["request"]
    user = request.user
    return {
        "enabled": user.is_authenticated,
        "muted_ids": sorted(selectors.muted_ids(user=user)),
        "strings": room_tool_strings(),
        "mutes_url": reverse("moderation:personal_mutes"),
        "appeal_url": reverse("moderation:appeal_for_message", args=[0]),
    }


@register.filter
def muted_for(author_id, muted_ids) -> bool:
    """Whether a message's author is one the viewer muted for themselves."""
    return author_id in (muted_ids or ())


@register.inclusion_tag("moderation/includes/reason_select.html")
def moderation_reason_select(field_id: str = "reason-code"):
    """The reason templates as a select, for the room's facilitation dialog."""
    from .. import reasons

    return {"field_id": field_id, "choices": reasons.choices()}


@register.filter
def excluded(muted_until) -> bool:
    """Whether a participation's mute is an exclusion from the debate (moderation.exclusion)."""
    from ..exclusion import is_exclusion

    return is_exclusion(muted_until)


@register.simple_tag
def moderation_exclusion_text() -> str:
    return _(
        "A facilitator has excluded you from this debate: you can still read it. "
        "You can contest this decision from the e-mail you received."
    )


@register.inclusion_tag("moderation/includes/reformulation_control.html", takes_context=True)
def moderation_reformulation_control(context, debate):
    """The facilitation panel's reformulation-mode form (a plain form: works without JavaScript)."""
    from debates.services import reformulation_required

    choice = {None: "profile", True: "on", False: "off"}[debate.reformulation_required]
    return {
        "debate": debate,
        "choice": choice,
        "effective": reformulation_required(debate),
        "csrf_token": context.get("csrf_token"),
    }
