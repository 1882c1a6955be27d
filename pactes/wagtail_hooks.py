"""What pacts add to the site's pages: the pacts the programme pages list (``programme.linked``),
and public pacts and commons in the site search (``programme.search``)."""

from django.utils.translation import gettext as _
from wagtail import hooks

from pactes import selectors
from pactes.selectors import listed_commons, public_pacts
from programme import linked
from programme.search import SearchHit, search_backend

hooks.register(linked.PACTS_FOR_ENGAGEMENT, selectors.pacts_for_engagement)
hooks.register(linked.LATEST_PACTS, selectors.latest_pacts)


@hooks.register("site_search")
def search_pacts(words: str, limit: int) -> list[SearchHit]:
    """Public pacts: never a draft."""
    pacts = search_backend().search(words, public_pacts().select_related("commons"))[:limit]
    return [
        SearchHit(
            title=pact.title,
            url=pact.get_absolute_url(),
            kind=_("Collaboration pact · %(status)s") % {"status": pact.get_status_display()},
            description=f"{pact.commons.name} — {pact.idea}",
            language=pact.language,
        )
        for pact in pacts
    ]


@hooks.register("site_search")
def search_commons(words: str, limit: int) -> list[SearchHit]:
    """The commons the register lists: checked by the city, or cared for by a public pact."""
    commons = search_backend().search(words, listed_commons())[:limit]
    return [
        SearchHit(
            title=item.name,
            url=item.get_absolute_url(),
            kind=_("Commons · %(kind)s") % {"kind": item.get_kind_display()},
            description=" — ".join(filter(None, [item.neighbourhood, item.description])),
        )
        for item in commons
    ]
