"""The public register of pacts, its map, the commons with their pacts, and the open-data files."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from cite import cards, csvfile
from cite.conditional import byte_ranges, conditional, conditional_page
from pactes import exports, register
from pactes.predicates import allowed
from pactes.views.common import visible_pact

REGISTER_PAGE_SIZE = 20
EXPORT_SEEN_SECONDS = 30 * 86400
COMMONS_PAGE_SIZE = 20


def _query_string(form, **extra) -> str:
    """The valid filters as a query string, to carry them to other pages and the exports."""
    from django.http import QueryDict

    params = QueryDict(mutable=True)
    filters = form.filters()
    for key, value in [
        ("q", filters.query),
        ("statut", filters.status),
        ("bien", filters.commons_kind),
        ("quartier", filters.neighbourhood),
        ("engagement", filters.engagement),
        ("partie", filters.party_kind),
        *extra.items(),
    ]:
        if value:
            params[key] = value
    return params.urlencode()


@require_safe
def register_view(request):
    form = register.filter_form(request.GET)
    pacts = register.with_parties(register.register_pacts(form.filters()))
    page = Paginator(pacts, REGISTER_PAGE_SIZE).get_page(request.GET.get("page"))
    query = _query_string(form)
    context = {
        "form": form,
        "page": page,
        "query": query,
        "filtered": form.filters().active,
        "geojson_url": reverse("pactes:export_geojson") + (f"?{query}" if query else ""),
        "csv_url": reverse("pactes:export_csv") + (f"?{query}" if query else ""),
        "tiles_url": settings.PACT_MAP_TILES_URL,
        "tiles_attribution": settings.PACT_MAP_TILES_ATTRIBUTION,
        "can_dashboard": allowed(request.user, "pactes.view_dashboard"),
    }
    # A forged filter value is shown as an error and left out; the list still answers.
    return render(request, "pactes/register/register.html", context, status=400 if form.errors else 200)


@require_safe
def commons_view(request):
    page = Paginator(register.commons_with_pacts(), COMMONS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "pactes/register/commons.html", {"page": page})


def _export(request, *, stream, extension: str, content_type: str):
    form = register.filter_form(request.GET)
    if form.errors:
        from django.http import HttpResponseBadRequest

        errors = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in form.errors.items())
        return HttpResponseBadRequest(errors, content_type="text/plain; charset=utf-8")
    pacts = register.register_pacts(form.filters())
    prefix = request.build_absolute_uri(reverse("pactes:list"))  # a pact's page is "<register>/<id>/"

    def build():
        response = StreamingHttpResponse(stream(pacts, detail_prefix=prefix), content_type=content_type)
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="pactes-de-collaboration-{stamp}.{extension}"'
        return response

    # The labels follow the language and the URLs the host: both are part of the file.
    etag = f"{extension}-{get_language()}-{exports.version_stamp(pacts)}-{_host_digest(prefix)}"
    # Last-Modified: when this exact content was first served. Remembered in the cache; if the
    # cache forgets, a later date only makes clients download once more, never miss a change.
    last_modified = cache.get_or_set(f"pactes-export-seen:{etag}", timezone.now, timeout=EXPORT_SEEN_SECONDS)
    response = conditional(request, etag=etag, last_modified=last_modified, build=build)
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may read it
    return byte_ranges(request, response)


def _host_digest(prefix: str) -> str:
    return hashlib.sha256(prefix.encode()).hexdigest()[:8]


@require_safe
def export_csv(request):
    return _export(request, stream=exports.csv_lines, extension="csv", content_type="text/csv; charset=utf-8")


@require_safe
def export_geojson(request):
    return _export(
        request, stream=exports.geojson_chunks, extension="geojson", content_type="application/geo+json; charset=utf-8"
    )


@require_safe
@conditional_page
def export_commons_csv(request):
    def photo_url(pk: int) -> str:
        return request.build_absolute_uri(reverse("pactes:commons_photo", args=[pk]))

    rows = exports.commons_rows(register.commons_with_pacts(), photo_url=photo_url)
    return csvfile.csv_response(exports.COMMONS_COLUMNS, rows, filename="biens-communs.csv")


@require_safe
@conditional_page
def pact_card(request, pk: int):
    """The pact's Open Graph image: its title, commons and status on a card."""
    pact = visible_pact(request, pk)
    subtitle = f"{pact.commons.name} · {pact.get_status_display()}"
    return cards.card_response(kind=_("Collaboration pact"), title=pact.title, subtitle=subtitle)
