"""Places: the neighbourhoods' outline, the address search of the commons forms, a commons' page."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from pactes import selectors
from pactes.geocoding import geocode, neighbourhoods_geojson
from pactes.models import Commons

MAX_QUERY_LENGTH = 200


@require_GET
@cache_control(public=True, max_age=3600)
def neighbourhoods(request):
    """The outline of the city's neighbourhoods (GeoJSON), drawn on every map."""
    response = JsonResponse(neighbourhoods_geojson(), json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/geo+json"
    return response


@require_GET
@login_required
def geocode_view(request):
    """Places for the address search of the commons forms (JSON). For signed-in people only:
    the production geocoder is a public service the site must not relay for anyone."""
    query = " ".join(request.GET.get("q", "").split())
    if not query or len(query) > MAX_QUERY_LENGTH:
        return JsonResponse({"error": _("Type an address, a neighbourhood or coordinates.")}, status=400)
    return JsonResponse({"results": [place.as_dict() for place in geocode(query)]})


@require_GET
def commons_detail(request, pk: int):
    commons = get_object_or_404(Commons, pk=pk)
    listed = selectors.listed_commons().filter(pk=pk).exists()
    if not listed and not (request.user.is_authenticated and commons.suggested_by_id == request.user.pk):
        raise Http404()
    pacts = list(selectors.public_pacts().filter(commons=commons).order_by("-status_changed_at", "-pk"))
    return render(request, "pactes/commons_detail.html", {"commons": commons, "pacts": pacts})
