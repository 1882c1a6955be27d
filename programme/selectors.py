"""Reads of the programme pages. Each costs a fixed number of queries, whatever the data.

The page models call these reads from their ``get_context``: the reads look the models up in
the app registry rather than import them, so that the two modules do not import each other.
"""

from django.apps import apps
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet, Subquery
from wagtail.models import Page
from wagtail.query import PageQuerySet

from core import languages


def private_q() -> Q:
    """Pages in a private section (costs one query). A page that lists several kinds of pages
    computes it once and passes it as ``private=`` to the selectors below."""
    return Page.objects.all().private_q()


def _public(pages: PageQuerySet, private: Q | None) -> PageQuerySet:
    return pages.live().exclude(private if private is not None else private_q())


def engagements_under(*, page: Page, private: Q | None = None) -> QuerySet:
    """The live, public engagements below ``page`` (home or programme), in their order."""
    EngagementPage = apps.get_model("programme", "EngagementPage")

    return _public(EngagementPage.objects.descendant_of(page), private).order_by("number")


def engagement_neighbours(*, engagement, private: Q | None = None) -> tuple:
    """The published engagements just before and after ``engagement`` by number (``None`` at
    either end), skipping numbers that are not published. One query, two rows at most."""
    EngagementPage = apps.get_model("programme", "EngagementPage")

    siblings = _public(EngagementPage.objects.sibling_of(engagement, inclusive=False), private)
    before = siblings.filter(number__lt=engagement.number).order_by("-number").values("number")[:1]
    after = siblings.filter(number__gt=engagement.number).order_by("number").values("number")[:1]
    found = {page.number: page for page in siblings.filter(Q(number=Subquery(before)) | Q(number=Subquery(after)))}
    return (
        next((page for number, page in found.items() if number < engagement.number), None),
        next((page for number, page in found.items() if number > engagement.number), None),
    )


def _news(private: Q | None = None) -> PageQuerySet:
    NewsPage = apps.get_model("programme", "NewsPage")

    return _public(NewsPage.objects.all(), private).order_by("-date", "-first_published_at")


def latest_news(*, limit: int, under: Page | None = None, engagement=None, private: Q | None = None) -> list:
    """The latest news items, below ``under`` or about ``engagement``."""
    news = _news(private)
    if under is not None:
        news = news.descendant_of(under)
    if engagement is not None:
        news = news.filter(engagement=engagement)
    return list(news[:limit])


def news_listing(*, index: Page, tag: str = "", page_number=None, per_page: int = 10) -> PaginatorPage:
    """One page of the news below ``index``, optionally with a tag, tags prefetched."""
    news = _news().child_of(index).prefetch_related("tags")
    if tag:
        news = news.filter(tags__name=tag)
    return Paginator(news, per_page).get_page(page_number)


def engagement_choices(engagements: QuerySet) -> list[tuple[int, str]]:
    """« 6. Title » choices for a filter on ``engagements`` (the French pages apps link to), by
    number, titled in the language being read: one query, two on the English site. The value
    stays the linked page's id."""
    EngagementPage = apps.get_model("programme", "EngagementPage")
    rows = list(
        engagements.values_list("pk", "number", "title", "translation_key", "locale_id").distinct().order_by("number")
    )
    locale = languages.locale_ids().get(languages.current())
    titles: dict = {}
    if locale is not None and any(row[4] != locale for row in rows):
        keys = [row[3] for row in rows]
        translated = EngagementPage.objects.live().filter(locale_id=locale, translation_key__in=keys)
        titles = dict(translated.values_list("translation_key", "title"))
    return [(pk, f"{number}. {titles.get(key, title)}") for pk, number, title, key, _locale in rows]
