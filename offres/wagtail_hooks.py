"""What offers add to the site's pages: the listed offers in the site search (``programme.search``)
and, on an engagement's page, the offers that serve it (``programme.linked``)."""

from django.utils.translation import gettext as _
from wagtail import hooks

from offres.selectors import offers_listed
from programme.linked import ENGAGEMENT_SECTIONS, EngagementSection
from programme.search import SearchHit, search_backend


@hooks.register("site_search")
def search_offers(words: str, limit: int) -> list[SearchHit]:
    """Listed offers only: never a suggestion waiting for review, nor a withdrawn offer."""
    offers = search_backend().search(words, offers_listed())[:limit]
    return [
        SearchHit(
            title=offer.title,
            url=offer.get_absolute_url(),
            kind=_("Offer · %(kind)s") % {"kind": offer.get_kind_display()},
            description=" — ".join(filter(None, [offer.neighbourhood, offer.summary])),
        )
        for offer in offers
    ]


ENGAGEMENT_OFFERS = 6


@hooks.register(ENGAGEMENT_SECTIONS)
def engagement_offers(*, page, request) -> EngagementSection | None:
    """The offers that serve this engagement, a few of them, with a link to the directory
    filtered on it (one query; nothing shown when there is none). Offers serve the French page:
    its translation shows the same ones."""
    serving = offers_listed().filter(engagements=page.source_page_id).order_by("title", "pk")
    offers = list(serving[: ENGAGEMENT_OFFERS + 1])
    if not offers:
        return None
    return EngagementSection(
        template="offres/includes/engagement_offers.html",
        context={"offers": offers[:ENGAGEMENT_OFFERS], "more_offers": len(offers) > ENGAGEMENT_OFFERS},
        stylesheets=("offres/offres.css",),
    )
