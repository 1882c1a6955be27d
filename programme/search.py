"""Site search over the programme's pages and what the apps add (debates, pacts, commons).

An app registers a Wagtail hook ``site_search``: a function ``(words, limit) -> list[SearchHit]``
that searches its own public objects with Wagtail's search backend (French full text on
PostgreSQL) and never returns anything a visitor may not see. The search page merges every
source, each in its own order of relevance, and shows the type of each result.
"""

from dataclasses import dataclass
from itertools import chain, zip_longest

from wagtail import hooks
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

# Results taken from each source; more than anyone pages through.
PER_SOURCE = 100


@dataclass(frozen=True)
class SearchHit:
    title: str
    url: str
    kind: str
    description: str = ""
    # The language of the title and description ("fr", "en"); the page marks it when it is not
    # the page's (docs/i18n.md). Empty: the page's language.
    language: str = ""


def search_backend():
    return get_search_backend()


def _pages(words: str, limit: int) -> list[SearchHit]:
    """The pages of the language being read (the English site searches the English pages)."""
    locale = Locale.get_active()
    pages = Page.objects.live().public().filter(locale=locale).specific().search(words)[:limit]
    return [
        SearchHit(
            title=page.title,
            url=page.url or "",
            kind=str(page._meta.verbose_name),
            description=getattr(page, "meta_description", "") or page.search_description,
            language=locale.language_code,
        )
        for page in pages
    ]


def site_search(words: str) -> list[SearchHit]:
    """Every source's results, interleaved rank by rank (scores of different sources do not
    compare on every backend), pages first at each rank."""
    sources = [_pages, *hooks.get_hooks("site_search")]
    lists = [source(words, PER_SOURCE) for source in sources]
    return [hit for hit in chain.from_iterable(zip_longest(*lists)) if hit is not None]
