"""The offers as open data: one CSV row per listed offer (``COLUMNS``, described by the Table
Schema of ``evaluation.opendata.schemas``) and a GeoJSON of those with a place on the map."""

import json
from collections.abc import Iterable, Iterator

from django.utils.translation import gettext as _

from core.csvfile import iso
from offres.models import Offer

SEPARATOR = " ; "
COLUMNS = [
    "id",
    "url",
    "title",
    "kind",
    "summary",
    "organisation",
    "organisation_kind",
    "engagements",
    "schedule",
    "starts_at",
    "ends_at",
    "recurrence",
    "recurrence_until",
    "place_name",
    "address",
    "neighbourhood",
    "latitude",
    "longitude",
    "cost",
    "price",
    "step_free",
    "hearing_loop",
    "transport",
    "screen_free",
    "companion_first_visit",
    "audience",
    "contact_name",
    "contact_email",
    "contact_phone",
    "status",
    "last_confirmed_at",
]


def offer_row(offer: Offer, *, detail_prefix: str) -> dict:
    """One record; ``detail_prefix`` is the directory's absolute address (an offer's page is
    ``<directory>/<id>/``). Engagements are read from a prefetched ``engagements``."""
    return {
        "id": offer.pk,
        "url": f"{detail_prefix}{offer.pk}/",
        "title": offer.title,
        "kind": offer.kind,
        "summary": offer.summary,
        "organisation": offer.organisation.name if offer.organisation else None,
        "organisation_kind": offer.organisation.kind if offer.organisation else None,
        "engagements": SEPARATOR.join(str(e.number) for e in offer.engagements.all()) or None,
        "schedule": offer.schedule or None,
        "starts_at": iso(offer.starts_at),
        "ends_at": iso(offer.ends_at),
        "recurrence": offer.recurrence,
        "recurrence_until": iso(offer.recurrence_until),
        "place_name": offer.place_name or None,
        "address": offer.address or None,
        "neighbourhood": offer.neighbourhood or None,
        "latitude": float(offer.latitude) if offer.latitude is not None else None,
        "longitude": float(offer.longitude) if offer.longitude is not None else None,
        "cost": offer.cost,
        "price": offer.price or None,
        "step_free": offer.step_free,
        "hearing_loop": offer.hearing_loop,
        "transport": offer.transport or None,
        "screen_free": offer.screen_free,
        "companion_first_visit": offer.companion_first_visit,
        "audience": offer.audience,
        "contact_name": offer.contact_name or None,
        "contact_email": offer.contact_email or None,
        "contact_phone": offer.contact_phone or None,
        "status": offer.status,
        "last_confirmed_at": iso(offer.last_confirmed_at),
    }


def rows(offers: Iterable[Offer], *, detail_prefix: str) -> Iterator[dict]:
    for offer in offers:
        yield offer_row(offer, detail_prefix=detail_prefix)


def geojson(offers: Iterable[Offer], *, detail_prefix: str) -> str:
    """A GeoJSON FeatureCollection (RFC 7946, longitude then latitude) of the offers with
    coordinates; the properties are the CSV's columns, plus what the map's popups show."""
    features = []
    for offer in offers:
        if offer.latitude is None or offer.longitude is None:
            continue
        row = offer_row(offer, detail_prefix=detail_prefix)
        latitude, longitude = row.pop("latitude"), row.pop("longitude")
        row["popup_line"] = " · ".join(filter(None, [offer.get_kind_display(), offer.place_name, offer.neighbourhood]))
        features.append(
            {
                "type": "Feature",
                "id": offer.pk,
                "geometry": {"type": "Point", "coordinates": [longitude, latitude]},
                "properties": row,
            }
        )
    collection = {"type": "FeatureCollection", "name": _("Offers that build ties"), "features": features}
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
