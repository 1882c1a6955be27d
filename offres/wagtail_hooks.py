"""What offers add to the site's pages: the listed offers in the site search (``programme.search``)."""

from django.utils.translation import gettext as _
from wagtail import hooks

from offres.selectors import offers_listed
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
