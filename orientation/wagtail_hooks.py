"""What orientation adds to the offers (``offres.linked``): connectors refer a person from an
offer's page, and are told when an offer they referred someone to is withdrawn."""

from __future__ import annotations

import rules
from django.urls import reverse
from wagtail import hooks

from offres.linked import OFFER_SECTIONS, OFFER_WITHDRAWN
from orientation.services.attendance import lines_tell_offer_withdrawn
from pactes.linked import PageSection


@hooks.register(OFFER_SECTIONS)
def refer_to_offer(*, offer, request) -> PageSection | None:
    """A connector's way to refer someone to a listed offer; nothing for anyone else."""
    if not offer.is_listed or not rules.has_perm("orientation.refer", request.user):
        return None
    return PageSection(
        template="orientation/includes/refer_to_offer.html",
        context={"refer_url": f"{reverse('orientation:create')}?offre={offer.pk}"},
        stylesheets=(),
    )


@hooks.register(OFFER_WITHDRAWN)
def tell_referrals_offer_withdrawn(*, offer, actor) -> None:
    lines_tell_offer_withdrawn(offer=offer, actor=actor)
