"""The public directory: the list with its filters, an offer's page."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from offres import selectors


@require_GET
def directory_view(request):
    offers = list(selectors.offers_listed().select_related("organisation"))
    return render(request, "offres/directory.html", {"offers": offers})


@require_GET
def offer_detail(request, pk: int):
    offer = selectors.offer_for_page(offer_id=pk)
    if offer is None or not offer.is_listed:
        raise Http404()
    return render(request, "offres/offer_detail.html", {"offer": offer})
