"""What volunteering adds to the pages of the apps below: the calls of a pact on its page
(``pactes.linked``) and the calls of an offer on its page (``offres.linked``)."""

from __future__ import annotations

from django.urls import reverse
from wagtail import hooks

from benevolat import selectors
from benevolat.models import Call
from benevolat.services.calls import close_calls_of_withdrawn_offer
from offres.linked import OFFER_SECTIONS, OFFER_WITHDRAWN
from pactes.linked import PACT_SECTIONS, PageSection
from pactes.models import Pact
from pactes.predicates import allowed

TEMPLATE = "benevolat/includes/host_calls.html"
STYLESHEETS = ("benevolat/benevolat.css",)


def _section(*, calls: list[Call], publish_url: str) -> PageSection:
    return PageSection(
        template=TEMPLATE,
        context={"volunteer_calls": calls, "volunteer_publish_url": publish_url},
        stylesheets=STYLESHEETS,
    )


@hooks.register(PACT_SECTIONS)
def pact_calls(*, pact, request) -> PageSection | None:
    """An active pact's calls for volunteers (kept in the cache: no query once read), and the
    way to publish one for those who may. Nothing, and no query, on a pact that is not active."""
    if pact.status != Pact.Status.ACTIVE:
        return None
    may_publish = allowed(request.user, "benevolat.publish_call_on_pact", pact)
    calls = selectors.calls_of_host(host=pact)
    calls = calls if may_publish else selectors.shown_to_all(calls)
    url = f"{reverse('benevolat:create')}?pacte={pact.pk}" if may_publish else ""
    return _section(calls=calls, publish_url=url)


@hooks.register(OFFER_SECTIONS)
def offer_calls(*, offer, request) -> PageSection | None:
    """A listed offer's calls for volunteers, and the way to publish one for its managers."""
    if not offer.is_listed:
        return None
    may_publish = allowed(request.user, "benevolat.publish_call_on_offer", offer)
    calls = selectors.calls_of_host(host=offer)
    calls = calls if may_publish else selectors.shown_to_all(calls)
    url = f"{reverse('benevolat:create')}?offre={offer.pk}" if may_publish else ""
    return _section(calls=calls, publish_url=url)


@hooks.register(OFFER_WITHDRAWN)
def close_offer_calls(*, offer, actor) -> None:
    close_calls_of_withdrawn_offer(offer=offer, actor=actor)
