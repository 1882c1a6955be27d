"""What debates tell people (the notifications app's kinds and targets), and the live bell.

The services call these helpers inside their transaction. A notification about a message is
shown only to someone who may read its debate (``debates.view_debate``, asked again by
``notify``).
"""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.models import User
from debates import events, selectors
from debates.models import Debate, DebateSession, Message, Participation
from notifications import live, registry
from notifications.services import notify

GROUP = _("Debates")


def _can_read(user, debate: Debate) -> bool:
    return user.has_perm("debates.view_debate", debate)


registry.register_target(
    Message,
    title=lambda message: message.debate.title,
    url=lambda message: f"{message.debate.get_absolute_url()}#message-{message.pk}",
    visible=lambda user, message: _can_read(user, message.debate),
    queryset=lambda: Message.objects.select_related("debate"),
)
registry.register_target(
    DebateSession,
    title=lambda session: session.debate.title,
    url=lambda session: session.debate.get_absolute_url(),
    visible=lambda user, session: _can_read(user, session.debate),
    queryset=lambda: DebateSession.objects.select_related("debate"),
)
registry.register_target(
    Debate,
    title=lambda debate: debate.title,
    url=lambda debate: debate.get_absolute_url(),
    visible=_can_read,
)

registry.register_kind(
    "message_reply",
    group=GROUP,
    label=_("A reply to my message in a debate"),
    text=_("%(actor)s replied to your message in the debate “%(object)s”."),
)
registry.register_kind(
    "session_starting",
    group=GROUP,
    label=_("A session of a debate I follow starts soon"),
    text=_("A live session of the debate “%(object)s” that you follow starts soon."),
    email_template="debates/email/reminder",
    email_context=lambda notification: {
        "session": notification.target,
        "debate": notification.target.debate,
        "starts_at": timezone.localtime(notification.target.starts_at),
    },
)
registry.register_kind(
    "debate_new_followed",
    group=GROUP,
    label=_("A new debate on an engagement I follow"),
    text=_("A new debate is open: “%(object)s”."),
    default="weekly",
)


def message_published(message: Message) -> None:
    """A message became public: tell the author of the message it replies to."""
    if message.reply_to_id and message.reply_to.author_id:
        notify(recipients=[message.reply_to.author], kind="message_reply", object=message, actor=message.author)


def session_starting(session: DebateSession) -> int:
    followers = [p.user for p in selectors.followers_of(debate=session.debate).select_related("user")]
    return len(notify(recipients=followers, kind="session_starting", object=session))


def debate_listed(debate: Debate) -> None:
    """A public debate appeared on an engagement: tell the engagement's followers."""
    from notifications.selectors import followers_of

    if debate.engagement_id and debate.visibility == Debate.Visibility.PUBLIC:
        notify(recipients=followers_of(debate.engagement), kind="debate_new_followed", object=debate)


def _push_unread(counts: dict[int, int]) -> None:
    """The live bell: each account's new count goes to its sockets in the open rooms where it
    takes part (one room event per room and account; no per-socket channel)."""
    rooms = Participation.objects.filter(user_id__in=list(counts), debate__status=Debate.Status.OPEN).values_list(
        "debate_id", "user_id"
    )
    pairs = list(rooms)
    if not pairs:
        return
    languages = dict(User.objects.filter(pk__in={u for _d, u in pairs}).values_list("pk", "preferred_language"))
    for debate_id, user_id in pairs:
        count = counts.get(user_id, 0)
        with translation.override(languages.get(user_id) or settings.LANGUAGE_CODE):
            text = ngettext("%(count)d unread notification", "%(count)d unread notifications", count) % {"count": count}
        events.to_user(debate_id, user_id, {"type": "notifications.unread", "count": count, "text": text})


live.register_sink(_push_unread)
