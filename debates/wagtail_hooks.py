"""What debates add to the site's pages: public debates in the site search."""

from django.utils.translation import gettext as _
from wagtail import hooks

from cite.search import SearchHit, search_backend


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
        )
        for debate in debates
    ]
