"""The data catalogue: every dataset the site publishes, described as a Frictionless Data
Package (``/donnees/datapackage.json``) and as a page (``/donnees/``).

Each CSV has a Table Schema (``schemas.py``); the GeoJSON, JSON and iCalendar files are listed
as further resources of the same datasets. Licence and producer come from settings
(``OPEN_DATA_LICENCE``, ``CITY_NAME``, ``CITY_INSEE_CODE``, ``CITY_SIREN``)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from evaluation.opendata.schemas import SCHEMAS, table_schema

CSV_DIALECT = {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True, "header": True}


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    description: str
    frequency: str  # data.gouv.fr's codes: "continuous", "daily", "weekly", "annual"...
    frequency_label: str
    csv_url: str  # a URL name
    others: tuple[tuple[str, str, str, str], ...] = ()  # (suffix, URL name, format, media type)


DATASETS = [
    Dataset(
        "pactes",
        _("Register of collaboration pacts"),
        _(
            "Every collaboration pact past the draft stage: its commons, neighbourhood, parties (organisations "
            "named, residents counted), proponent, dates, council act, status and, once signed, the fingerprint "
            "and the signed text. The GeoJSON file holds the pacts whose commons has coordinates."
        ),
        "continuous",
        _("Continuously: each download reflects the register at that moment."),
        "pactes:export_csv",
        (("geojson", "pactes:export_geojson", "geojson", "application/geo+json"),),
    ),
    Dataset(
        "biens-communs",
        _("Commons"),
        _(
            "The commons (gardens, squares, rooms, school yards…) the city has checked or that a public pact cares "
            "for, with their place and the number of their pacts."
        ),
        "continuous",
        _("Continuously: each download reflects the register at that moment."),
        "pactes:export_commons_csv",
    ),
    Dataset(
        "registre-moderation",
        _("Public moderation register"),
        _(
            "One row per moderation decision in the debate rooms: the day, the public debate, the decision, "
            "automatic or human, the rule and reason, the time to decision. Never who was concerned, nor who "
            "decided, nor the messages' text."
        ),
        "continuous",
        _("Continuously: each download reflects the register at that moment."),
        "moderation:register_csv",
    ),
    Dataset(
        "indicateurs",
        _("Indicators of the programme"),
        _(
            "The figures of the public dashboard (engagement 10) for the current year: debates, moderation, "
            "pacts by status and neighbourhood, reports, volunteering, participants by age band. Other years "
            "with ?annee=YYYY, one engagement with ?engagement=N."
        ),
        "daily",
        _("Daily: figures are computed from the live data."),
        "cite_dashboard_csv",
        (("json", "cite_dashboard_json", "json", "application/json"),),
    ),
    Dataset(
        "seances-debats",
        _("Sessions of the public debates"),
        _(
            "Every session of a public debate, past and coming, with its debate, question, times, place and "
            "room. The iCalendar file holds the coming sessions and those of the past year."
        ),
        "continuous",
        _("Continuously: each download reflects the calendar at that moment."),
        "debates:sessions_csv",
        (("ics", "debates:calendar", "ics", "text/calendar"),),
    ),
    Dataset(
        "offres",
        _("Offers that build ties"),
        _(
            "The directory of activities, regular groups, places open to all, events and help for a first "
            "contact: when, where, cost, access, screens, a companion the first time, audience, engagements and "
            "a public contact. Listed offers only. The GeoJSON file holds those with a place; the iCalendar "
            "file those with a date, regular ones repeating."
        ),
        "continuous",
        _("Continuously: each download reflects the directory at that moment."),
        "offres:export_csv",
        (
            ("geojson", "offres:export_geojson", "geojson", "application/geo+json"),
            ("ics", "offres:calendar", "ics", "text/calendar"),
        ),
    ),
]


def licence() -> dict:
    return dict(settings.OPEN_DATA_LICENCE)


def producer() -> dict:
    """The city that publishes the data, with its official codes (empty settings left out)."""
    data = {"title": settings.CITY_NAME, "role": "publisher", "path": settings.SITE_URL}
    if settings.CITY_INSEE_CODE:
        data["insee_code"] = settings.CITY_INSEE_CODE
    if settings.CITY_SIREN:
        data["siren"] = settings.CITY_SIREN
    if settings.OPEN_DATA_CONTACT_EMAIL:
        data["email"] = settings.OPEN_DATA_CONTACT_EMAIL
    return data


def _resources(dataset: Dataset, absolute) -> list[dict]:
    common = {"licenses": [licence()], "update_frequency": dataset.frequency}
    resources = [
        {
            "name": dataset.name,
            "type": "table",
            "title": str(dataset.title),
            "description": str(dataset.description),
            "path": absolute(reverse(dataset.csv_url)),
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8-sig",
            "dialect": CSV_DIALECT,
            "schema": table_schema(dataset.name),
            **common,
        }
    ]
    for suffix, url_name, extension, mediatype in dataset.others:
        resources.append(
            {
                "name": f"{dataset.name}-{suffix}",
                "type": "file",
                "title": str(dataset.title),
                "description": str(dataset.description),
                "path": absolute(reverse(url_name)),
                "format": extension,
                "mediatype": mediatype,
                "encoding": "utf-8",
                **common,
            }
        )
    return resources


def datapackage(*, absolute) -> dict:
    """The Data Package; ``absolute(path)`` turns a path of the site into a full URL."""
    resources = [resource for dataset in DATASETS for resource in _resources(dataset, absolute)]
    city = producer()
    return {
        "name": slugify(f"{settings.SITE_NAME} {settings.CITY_NAME}"),
        "title": str(_("Open data of %(site)s – %(city)s") % {"site": settings.SITE_NAME, "city": city["title"]}),
        "description": str(
            _(
                "The public data of the programme “Faire la ville du lien”: collaboration pacts and their commons, "
                "the debates' sessions, the offers that build ties, the moderation register and the indicators. "
                "Column names are stable."
            )
        ),
        "homepage": absolute(reverse("cite_open_data")),
        "language": settings.LANGUAGE_CODE,
        "licenses": [licence()],
        "contributors": [city],
        "publisher": city,
        "keywords": [
            "pactes de collaboration",
            "biens communs",
            "participation",
            "débats",
            "ville du lien",
            "offres qui font lien",
        ],
        "resources": resources,
    }


def datasets_for_page(*, absolute) -> list[dict]:
    """What the human page shows: each dataset with its files and its columns."""
    page = []
    for dataset in DATASETS:
        _columns, fields, _key = SCHEMAS[dataset.name]
        page.append(
            {
                "dataset": dataset,
                "files": [("CSV", absolute(reverse(dataset.csv_url)))]
                + [(extension.upper(), absolute(reverse(url))) for _s, url, extension, _m in dataset.others],
                "fields": fields,
            }
        )
    return page
