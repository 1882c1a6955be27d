"""``/donnees/``: the data catalogue as a page and as a Frictionless Data Package."""

import json

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_safe

from cite.conditional import conditional_page
from cite.opendata import catalogue


@require_safe
def open_data(request: HttpRequest) -> HttpResponse:
    context = {
        "datasets": catalogue.datasets_for_page(absolute=request.build_absolute_uri),
        "licence": catalogue.licence(),
        "producer": catalogue.producer(),
        "datapackage_url": request.build_absolute_uri("/donnees/datapackage.json"),
    }
    return render(request, "cite/open_data.html", context)


@require_safe
@conditional_page
def datapackage(request: HttpRequest) -> HttpResponse:
    # One catalogue for every harvester: written in the site's language whatever the visitor's.
    with translation.override(settings.LANGUAGE_CODE):
        data = catalogue.datapackage(absolute=request.build_absolute_uri)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
