"""What referrals tell people (the notifications app's kinds and targets), and who is told.

No notification names the referred person: the sentence and its e-mail hold the offer's title
and a link to the page where, logged in and allowed, the reader sees the first name. ``notify``
asks ``orientation.view_line`` again for every recipient.
"""

from __future__ import annotations

import rules
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import Membership, User
from notifications import registry
from notifications.services import notify
from orientation.models import FollowUp, ReferralOffer

GROUP = _("Referrals to offers")


def _line_url(line: ReferralOffer) -> str:
    return reverse("orientation:line", args=[line.pk])


registry.register_target(
    ReferralOffer,
    title=lambda line: line.offer.title,
    url=_line_url,
    visible=lambda user, line: rules.has_perm("orientation.view_line", user, line),
    queryset=lambda: ReferralOffer.objects.select_related("offer", "referral", "binome"),
)
registry.register_target(
    FollowUp,
    title=lambda follow_up: follow_up.line.offer.title,
    url=lambda follow_up: reverse("orientation:referral", args=[follow_up.line.referral_id]),
    visible=lambda user, follow_up: rules.has_perm("orientation.record_follow_up", user, follow_up),
    queryset=lambda: FollowUp.objects.select_related("line__offer", "line__referral"),
)

_kind = registry.register_kind
_kind(
    "referral_received",
    group=GROUP,
    label=_("A person is referred to an activity of my organisation"),
    text=_("A connector refers a person to “%(object)s”: see who to welcome."),
)
_kind(
    "referral_attendance",
    group=GROUP,
    label=_("The activity says whether the person I referred came"),
    text=lambda data: (
        _("The person you referred to “%(object)s” came.")
        if data.get("came")
        else _("The person you referred to “%(object)s” did not come.")
    ),
)
_kind(
    "referral_offer_withdrawn",
    group=GROUP,
    label=_("An activity I referred someone to, or come along to, is withdrawn"),
    text=_("The activity “%(object)s” is withdrawn: the person referred to it should be told."),
)
_kind(
    "binome_paired",
    group=GROUP,
    label=_("I am asked to come along with someone the first time"),
    text=_("You are asked to come along with someone to “%(object)s” the first time."),
)
_kind(
    "follow_up_due",
    group=GROUP,
    label=_("A follow-up of a person I referred is due"),
    text=lambda data: (
        _("One month after the referral to “%(object)s”: ask how it goes.")
        if data.get("months") == 1
        else _("%(months)s months after the referral to “%(object)s”: ask how it goes.")
    ),
)


def offer_team(line: ReferralOffer) -> list[User]:
    """The representatives of the organisation that runs the offer."""
    if line.offer.organisation_id is None:
        return []
    return list(
        User.objects.filter(
            memberships__organisation_id=line.offer.organisation_id,
            memberships__role=Membership.Role.REPRESENTATIVE,
        )
        .distinct()
        .order_by("pk")
    )


def referral_received(line: ReferralOffer, *, actor: User) -> None:
    notify(recipients=offer_team(line), kind="referral_received", object=line, actor=actor)


def attendance_marked(line: ReferralOffer, *, actor: User) -> None:
    notify(
        recipients=[line.referral.connector],
        kind="referral_attendance",
        object=line,
        actor=actor,
        data={"came": line.attendance == ReferralOffer.Attendance.CAME},
    )


def offer_withdrawn(line: ReferralOffer, *, actor: User | None) -> None:
    """The connector and the binôme of a referral still waiting for the person's first visit."""
    recipients = [line.referral.connector, line.binome.user if line.binome_id else None]
    notify(recipients=recipients, kind="referral_offer_withdrawn", object=line, actor=actor)


def binome_paired(line: ReferralOffer, *, actor: User) -> None:
    notify(recipients=[line.binome.user], kind="binome_paired", object=line, actor=actor)


def follow_up_due(follow_up: FollowUp) -> None:
    notify(
        recipients=[follow_up.line.referral.connector],
        kind="follow_up_due",
        object=follow_up,
        data={"months": follow_up.months},
    )
