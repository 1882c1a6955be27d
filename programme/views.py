"""Site-wide views of the programme: search, robots.txt, page cards and the read-only API."""

import re
from types import SimpleNamespace

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page

from core import cards
from core.conditional import conditional_page
from programme.search import site_search

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search_words(text: str) -> str:
    """Only the words of a query reach the search backend: SQLite's FTS5 reads quotes, "=" and
    the like as its own syntax and fails on them, and punctuation means nothing to a plain-text
    search."""
    return " ".join(re.findall(r"\w+", text[:MAX_QUERY_LENGTH]))


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    """Full-text search over the live, public pages and the public debates, pacts and commons
    (programme.search; Wagtail search: the database backend, PostgreSQL full-text when the site runs
    on PostgreSQL)."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    results = None
    if query:
        words = search_words(query)
        hits = site_search(words) if words else []
        results = Paginator(hits, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "programme/search.html", {"query": query, "results": results})


# Private and technical areas stay out of search engines; everything else is public content.
# The pages of a language's site are at the same paths under its prefix (/en/, docs/i18n.md).
_PAGES_DISALLOWED = ["/accounts/", "/compte/", "/moderation/", "/recherche/", "/orientation/", "/offres/mes-offres/"]
_PAGES_ALLOWED = ["/moderation/registre/", "/moderation/registre.csv"]
_PREFIXES = ["", *(f"/{code}" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE)]
DISALLOWED = ["/admin/", "/django-admin/", "/api/", *(p + path for p in _PREFIXES for path in _PAGES_DISALLOWED)]
# Public pages inside a disallowed area. They come first: first-match parsers (Python's
# robotparser, older crawlers) stop at the first matching line, longest-match ones (Google, RFC
# 9309) pick the longest; with the exceptions first and longer, both read the same rules.
ALLOWED = [p + path for p in _PREFIXES for path in _PAGES_ALLOWED]


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", *(f"Allow: {path}" for path in ALLOWED), *(f"Disallow: {path}" for path in DISALLOWED)]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('cite_sitemap'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
@conditional_page
def page_card(request: HttpRequest, page_id: int) -> HttpResponse:
    """The Open Graph image of a live, public page of the programme."""
    page = get_object_or_404(Page.objects.live().public().specific(), pk=page_id)
    description = getattr(page, "meta_description", "") or page.search_description
    return cards.card_response(kind=str(page._meta.verbose_name), title=page.title, subtitle=description)


class WordsOnlySearchFilter(SearchFilter):
    """Wagtail's API search, given only the words of ``?search=`` (see ``search_words``)."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return super().filter_queryset(request, queryset, view)
        words = search_words(request.GET["search"])
        if not words:
            return queryset.none()
        params = request.GET.copy()
        params["search"] = words
        return super().filter_queryset(SimpleNamespace(GET=params), queryset, view)


class BoundedPagination(WagtailPagination):
    """Wagtail's offset pagination, refusing an offset no database accepts (a 400 with a clear
    message instead of the database's error)."""

    max_offset = 10**9

    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "0")
        if offset.isdigit() and int(offset) > self.max_offset:
            raise BadRequestError(f"offset cannot be higher than {self.max_offset}")
        return super().paginate_queryset(queryset, request, view)


class ProgrammePagesAPIViewSet(PagesAPIViewSet):
    """Open data: the live, public pages of the programme, read-only (Wagtail's API v2)."""

    pagination_class = BoundedPagination

    filter_backends = [
        WordsOnlySearchFilter if backend is SearchFilter else backend for backend in PagesAPIViewSet.filter_backends
    ]
