"""What debates add to the site's pages: the debates the programme pages list
(``programme.linked``), and public debates in the site search (``programme.search``)."""

from django.utils.translation import gettext as _
from wagtail import hooks

from debates import selectors
from programme import linked
from programme.search import SearchHit, search_backend

hooks.register(linked.DEBATES_FOR_ENGAGEMENT, selectors.debates_for_engagement)
hooks.register(linked.DEBATES_FOR_HOME, selectors.debates_for_home)


@hooks.register("site_search")
def search_debates(words: str, limit: int) -> list[SearchHit]:
    """Public debates only: an unlisted room is reachable by its link, never found."""
    from debates.models import Debate

    debates = search_backend().search(words, Debate.objects.filter(visibility=Debate.Visibility.PUBLIC))[:limit]
    return [
        SearchHit(
            title=debate.title,
            url=debate.get_absolute_url(),
            kind=_("Debate · %(status)s") % {"status": debate.get_status_display()},
            description=debate.question,
            language=debate.language,
        )
        for debate in debates
    ]
