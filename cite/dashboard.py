"""The public dashboard of the indicators (engagement 10), ``/tableau-de-bord/``: every figure of
a year with its chart and its table, and the same figures as CSV and JSON open data."""

from __future__ import annotations

import json

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from cite import charts, csvfile, selectors
from cite.conditional import conditional_page
from cite.indicators import FIGURE_KEYS, Indicators, available_years

# Every figure; "summary" repeats part of the key figures, for the engagement pages.
DASHBOARD_KEYS = [key for key in FIGURE_KEYS if key != "summary"]
CSV_HEADER = ["figure", "year", "engagement", "row", "label", "series", "value"]


class FilterForm(forms.Form):
    annee = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False)
    engagement = forms.TypedChoiceField(label=_("Engagement"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["annee"].choices = [(year, str(year)) for year in available_years()]
        self.fields["engagement"].choices = [("", gettext("All engagements"))] + [
            (number, gettext("Engagement %(number)s") % {"number": number}) for number in range(1, 11)
        ]

    def selection(self) -> tuple[int, int | None]:
        return self.cleaned_data.get("annee") or available_years()[0], self.cleaned_data.get("engagement")


def _filtered(request: HttpRequest) -> tuple[FilterForm, Indicators | None]:
    """The filter form and the indicators it selects; ``None`` for a year or an engagement the
    dashboard does not offer."""
    form = FilterForm(request.GET)
    if not form.is_valid():
        return form, None
    year, engagement = form.selection()
    return form, Indicators(year=year, engagement=engagement)


def _bad_filter() -> HttpResponse:
    return HttpResponse(
        gettext("This year or engagement is not one the dashboard offers."),
        status=400,
        content_type="text/plain; charset=utf-8",
    )


@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    form, indicators = _filtered(request)
    if indicators is None:
        return render(request, "cite/dashboard.html", {"form": form, "shown": []}, status=400)
    figures = indicators.all(DASHBOARD_KEYS)
    query = f"annee={indicators.year}" + (f"&engagement={indicators.engagement}" if indicators.engagement else "")
    return render(
        request,
        "cite/dashboard.html",
        {
            "form": form,
            "year": indicators.year,
            "engagement": indicators.engagement,
            "key_figures": charts.present(figures[0], prefix="dashboard"),
            "shown": [charts.present(figure, prefix="dashboard") for figure in figures[1:]],
            "query": query,
            "reports": selectors.yearly_reports(),
        },
    )


@require_safe
@conditional_page
def dashboard_csv(request: HttpRequest) -> HttpResponse:
    _form, indicators = _filtered(request)
    if indicators is None:
        return _bad_filter()
    rows = (record for figure in indicators.all(DASHBOARD_KEYS) for record in figure.as_records())
    return csvfile.csv_response(CSV_HEADER, rows, filename=f"indicateurs-{indicators.year}.csv")


@require_safe
@conditional_page
def dashboard_json(request: HttpRequest) -> HttpResponse:
    _form, indicators = _filtered(request)
    if indicators is None:
        return _bad_filter()
    data = {
        "year": indicators.year,
        "engagement": indicators.engagement,
        "min_group": Indicators.min_group(),
        "figures": [
            {
                **figure.as_data(),
                "title": figure.title,
                "series": figure.series,
                "records": figure.as_records(),
            }
            for figure in indicators.all(DASHBOARD_KEYS)
        ],
    }
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=1), content_type="application/json")
    response["Access-Control-Allow-Origin"] = "*"
    response["Content-Disposition"] = f'inline; filename="indicateurs-{indicators.year}.json"'
    return response


urlpatterns = [
    path("tableau-de-bord/", dashboard, name="cite_dashboard"),
    path("tableau-de-bord/indicateurs.csv", dashboard_csv, name="cite_dashboard_csv"),
    path("tableau-de-bord/indicateurs.json", dashboard_json, name="cite_dashboard_json"),
]
