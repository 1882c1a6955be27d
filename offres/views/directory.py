"""The public directory: the list with its filters (no JavaScript needed), its map, an offer's
page, the calendars and the open-data files."""

import rules
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, HttpResponseBadRequest, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from accounts.predicates import has_verified_email, is_active_account
from core import csvfile
from core.conditional import conditional_page
from debates.calendar import ics_response
from offres import directory, exports, linked, selectors
from offres.calendar import offers_ics
from offres.forms import ReportForm
from offres.predicates import is_offer_manager
from offres.services import MANUAL, TRANSITIONS

PAGE_SIZE = 20
URL_KEYS = ["q", "type", "quartier", "cout", "public", "engagement", "sans_ecran", "plain_pied", "accompagnement"]


def _query_string(form) -> str:
    """The valid filters as a query string, carried to other pages, the map and the files."""
    params = QueryDict(mutable=True)
    data = form.cleaned_data if hasattr(form, "cleaned_data") else {}
    for key in URL_KEYS:
        value = data.get(key)
        if value is True:
            params[key] = "1"
        elif value and key not in form.errors:
            params[key] = str(value)
    return params.urlencode()


def _with_engagements(offers):
    from programme.models import EngagementPage

    return offers.prefetch_related(Prefetch("engagements", queryset=EngagementPage.objects.order_by("number")))


@require_safe
def directory_view(request):
    form = directory.filter_form(request.GET)
    filters = form.filters()
    offers = directory.directory_offers(filters)
    page = Paginator(offers, PAGE_SIZE).get_page(request.GET.get("page"))
    query = _query_string(form)
    suffix = f"?{query}" if query else ""
    context = {
        "form": form,
        "page": page,
        "query": query,
        "filtered": filters.active,
        "geojson_url": reverse("offres:export_geojson") + suffix,
        "csv_url": reverse("offres:export_csv") + suffix,
        "ics_url": reverse("offres:calendar") + suffix,
        "tiles_url": settings.PACT_MAP_TILES_URL,
        "can_suggest": rules.has_perm("offres.suggest_offer", request.user),
        "can_manage": rules.has_perm("offres.view_my_offers", request.user),
    }
    # A forged filter value is shown as an error and left out; the list still answers.
    return render(request, "offres/directory.html", context, status=400 if form.errors else 200)


def visible_offer(request, pk: int):
    offer = selectors.offer_for_page(offer_id=pk)
    if offer is None or not rules.has_perm("offres.view_offer", request.user, offer):
        raise Http404()
    return offer


def available_actions(user, offer) -> list[dict]:
    return [
        {"name": name, "label": TRANSITIONS[name].label, "reason_required": TRANSITIONS[name].reason_required}
        for name in MANUAL
        if offer.status in TRANSITIONS[name].sources and rules.has_perm(TRANSITIONS[name].permission, user, offer)
    ]


def detail_context(request, offer, **extra) -> dict:
    """The offer page. ``extra`` may hold ``page_error``: why an action just posted failed,
    shown at the top of the page whatever sections the person sees."""
    user = request.user
    can_manage = rules.has_perm("offres.change_offer", user, offer)
    can_report = rules.has_perm("offres.report_offer", user, offer)
    context = {
        "offer": offer,
        "events": selectors.offer_history(offer=offer),
        "actions": available_actions(user, offer),
        "can_edit": can_manage and offer.status not in (offer.Status.WITHDRAWN, offer.Status.REJECTED),
        "can_report": can_report,
        "reported": can_report and selectors.has_open_report(offer=offer, user=user),
        # A resident who may not report yet is told why (an address still to confirm).
        "must_verify_email": offer.is_listed
        and is_active_account(user)
        and not has_verified_email(user)
        and not is_offer_manager(user, offer),
        "reports": selectors.open_reports(offer=offer) if rules.has_perm("offres.view_reports", user, offer) else [],
        "report_form": ReportForm(),
        "confirm_due": selectors.confirmation_due_on(offer=offer),
    }
    # Sections the apps above add (volunteering: the offer's calls for volunteers).
    context["sections"] = linked.offer_sections(offer=offer, request=request)
    for section in context["sections"]:
        context.update(section.context)
    return context | extra


@require_safe
def offer_detail(request, pk: int):
    offer = visible_offer(request, pk)
    return render(request, "offres/offer_detail.html", detail_context(request, offer))


@require_safe
@conditional_page
def offer_calendar(request, pk: int):
    offer = visible_offer(request, pk)
    if not offer.is_listed or not offer.has_calendar:
        raise Http404()
    return ics_response(offers_ics([offer], base_url=settings.SITE_URL, name=offer.title), f"offre-{offer.pk}.ics")


def _filtered_offers(request):
    form = directory.filter_form(request.GET)
    if form.errors:
        errors = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in form.errors.items())
        return None, HttpResponseBadRequest(errors, content_type="text/plain; charset=utf-8")
    return _with_engagements(directory.directory_offers(form.filters())), None


@require_safe
@conditional_page
def directory_calendar(request):
    offers, error = _filtered_offers(request)
    if error:
        return error
    name = _("Offers that build ties – %(city)s") % {"city": settings.CITY_NAME}
    return ics_response(offers_ics(offers, base_url=settings.SITE_URL, name=name), "offres.ics")


@require_safe
@conditional_page
def export_csv(request):
    offers, error = _filtered_offers(request)
    if error:
        return error
    prefix = request.build_absolute_uri(reverse("offres:list"))
    return csvfile.csv_response(exports.COLUMNS, exports.rows(offers, detail_prefix=prefix), filename="offres.csv")


@require_safe
@conditional_page
def export_geojson(request):
    offers, error = _filtered_offers(request)
    if error:
        return error
    prefix = request.build_absolute_uri(reverse("offres:list"))
    response = HttpResponse(
        exports.geojson(offers, detail_prefix=prefix), content_type="application/geo+json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="offres.geojson"'
    response["Access-Control-Allow-Origin"] = "*"
    return response
