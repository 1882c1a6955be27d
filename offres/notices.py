"""What offers tell people (the notifications app's kinds and targets), and who is told.

Managers of an offer are the representatives of the organisation that runs it; an offer run by
nobody yet (a resident's suggestion) is the city agents' to review. ``notify`` asks again, for
every recipient, whether they may see the offer (``offres.view_offer``).
"""

from __future__ import annotations

import rules
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Membership, User
from accounts.roles import Role
from notifications import registry
from notifications.services import notify
from offres.models import Offer

GROUP = _("Offers that build ties")

registry.register_target(
    Offer,
    title=lambda offer: offer.title,
    url=lambda offer: offer.get_absolute_url(),
    visible=lambda user, offer: rules.has_perm("offres.view_offer", user, offer),
)

_kind = registry.register_kind
_kind(
    "offer_confirm_due",
    group=GROUP,
    label=_("An offer I manage must be confirmed"),
    text=_("Is the offer “%(object)s” still current? Confirm it or update it before %(due_on)s."),
)
_kind(
    "offer_to_verify",
    group=GROUP,
    label=_("An offer I manage is marked “to verify”"),
    text=_("The offer “%(object)s” is now shown as “to verify”: confirm it or update it."),
)
_kind(
    "offer_reported",
    group=GROUP,
    label=_("A resident reports an offer I manage as outdated"),
    text=_("A resident reports that the offer “%(object)s” is outdated: %(reason)s"),
)
_kind(
    "offer_suggested",
    group=GROUP,
    label=_("A resident suggests an offer to review"),
    text=_("%(actor)s suggests the offer “%(object)s”: publish it or decline it."),
)
_kind(
    "offer_decided",
    group=GROUP,
    label=_("The offer I suggested is reviewed"),
    text=lambda data: (
        _("The offer you suggested, “%(object)s”, is published. Thank you!")
        if data.get("published")
        else _("The offer you suggested, “%(object)s”, is not listed: %(reason)s")
    ),
)


def managers_of(offer: Offer) -> list[User]:
    """Who keeps ``offer`` current: its organisation's representatives; the city agents when it
    is run by nobody yet or its organisation has no representative."""
    people: list[User] = []
    if offer.organisation_id:
        people = list(
            User.objects.filter(
                memberships__organisation_id=offer.organisation_id,
                memberships__role=Membership.Role.REPRESENTATIVE,
            )
            .distinct()
            .order_by("pk")
        )
    return people or city_agents()


def city_agents() -> list[User]:
    return list(User.objects.filter(Q(groups__name=Role.CITY_AGENT)).distinct().order_by("pk"))


def confirmation_asked(*, offer: Offer, due_on: str) -> None:
    notify(recipients=managers_of(offer), kind="offer_confirm_due", object=offer, data={"due_on": due_on})


def marked_to_verify(*, offer: Offer) -> None:
    notify(recipients=managers_of(offer), kind="offer_to_verify", object=offer)


def reported(*, offer: Offer, actor: User, reason: str) -> None:
    # The reporter is not named to the managers: the report is about the offer, not the person.
    notify(recipients=managers_of(offer), kind="offer_reported", object=offer, data={"reason": reason[:300]})


def suggested(*, offer: Offer, actor: User) -> None:
    notify(recipients=city_agents(), kind="offer_suggested", object=offer, actor=actor)


def decided(*, offer: Offer, actor: User, published: bool, reason: str = "") -> None:
    if offer.created_by_id is None:
        return
    notify(
        recipients=[offer.created_by],
        kind="offer_decided",
        object=offer,
        actor=actor,
        data={"published": published, "reason": reason[:300]},
    )
