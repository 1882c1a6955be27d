"""What the moderation services share: permission checks, reasons, looking objects up."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core.errors import InvalidInput, NotFound
from core.permissions import require  # noqa: F401 (the services' permission check, used across this package)
from debates.models import Debate, Message

from .. import reasons

# The free text a facilitator adds to a reason template; with the template's sentence it stays
# within the 300 characters a tombstone's reason holds.
MAX_FREE_TEXT = 160


def reason_text(code: str, free_text: str = "", *, required: bool = True) -> str:
    """The reason a participant and the public read, from a template code and free text."""
    free_text = (free_text or "").strip()
    if not code and not required and not free_text:
        return ""
    if code not in reasons.BY_CODE:
        raise InvalidInput(_("Choose one of the listed reasons."), code="INVALID_REASON")
    if len(free_text) > MAX_FREE_TEXT:
        raise InvalidInput(
            _("The text added to the reason is too long (%(max)s characters at most).") % {"max": MAX_FREE_TEXT},
            code="TOO_LONG",
        )
    return reasons.compose(code, free_text)


def message_of(message_id) -> Message:
    """The message with that id, with its debate and author; a forged id is a NotFound."""
    if isinstance(message_id, bool) or not isinstance(message_id, int):
        raise NotFound(_("This message does not exist."))
    message = Message.objects.select_related("debate", "author").filter(pk=message_id).first()
    if message is None:
        raise NotFound(_("This message does not exist."))
    return message


def debate_of(debate_id) -> Debate:
    if isinstance(debate_id, bool) or not isinstance(debate_id, int):
        raise NotFound(_("This debate does not exist."))
    debate = Debate.objects.filter(pk=debate_id).first()
    if debate is None:
        raise NotFound(_("This debate does not exist."))
    return debate
