"""Open data: the register as CSV and GeoJSON (schema in docs/open-data.md).

Both are streamed row by row from one selection read in chunks (``iterator(chunk_size=…)``
prefetches the parties of each chunk in one query), so 5,000 pacts cost a dozen queries and
never sit in memory at once.

Personal data: only what is public on the pact pages *and* names no individual. Organisations
(associations, groups, city departments) are named; people who are parties in their own name
are counted, not named, and no account, e-mail address or signer appears.
"""

import csv
import json
from collections.abc import Iterable, Iterator

from django.utils.translation import gettext as _

from pactes.models import Pact, Party

CHUNK = 500

# The column names are a public contract: add columns at the end, never rename or remove one.
COLUMNS = [
    "id",
    "url",
    "title",
    "status",
    "status_label",
    "type",
    "commons_id",
    "commons_name",
    "commons_kind",
    "neighbourhood",
    "address",
    "latitude",
    "longitude",
    "engagement_number",
    "engagement_title",
    "organisations",
    "party_kinds",
    "individual_parties",
    "start_date",
    "end_date",
    "submitted_at",
    "activated_at",
    "ended_at",
    "end_reason",
    "signed_version",
    "signed_fingerprint",
    "renewal_of",
]
SEPARATOR = " ; "


def _iso(value) -> str:
    return value.isoformat() if value else ""


def pact_row(pact: Pact, *, detail_prefix: str) -> dict:
    """One pact as the open-data record (the parties must be prefetched)."""
    commons = pact.commons
    parties = [p for p in pact.parties.all()]
    organisations = [p.organisation for p in parties if p.organisation_id]
    kinds = sorted({o.kind for o in organisations} | ({"person"} if any(p.person_id for p in parties) else set()))
    signed = pact.frozen_version if pact.status in {Pact.Status.ACTIVE, Pact.Status.SUSPENDED, Pact.Status.ENDED} else None
    return {
        "id": pact.pk,
        "url": f"{detail_prefix}{pact.pk}/",
        "title": pact.title,
        "status": pact.status,
        "status_label": str(pact.get_status_display()),
        "type": pact.type,
        "commons_id": commons.pk,
        "commons_name": commons.name,
        "commons_kind": commons.kind,
        "neighbourhood": commons.neighbourhood,
        "address": commons.address,
        "latitude": float(commons.latitude) if commons.latitude is not None else None,
        "longitude": float(commons.longitude) if commons.longitude is not None else None,
        "engagement_number": pact.engagement.number if pact.engagement_id else None,
        "engagement_title": pact.engagement.title if pact.engagement_id else "",
        "organisations": SEPARATOR.join(o.name for o in organisations),
        "party_kinds": SEPARATOR.join(kinds),
        "individual_parties": sum(1 for p in parties if p.person_id),
        "start_date": _iso(pact.start_date),
        "end_date": _iso(pact.end_date),
        "submitted_at": _iso(pact.submitted_at),
        "activated_at": _iso(pact.activated_at),
        "ended_at": _iso(pact.ended_at),
        "end_reason": pact.end_reason,
        "signed_version": signed.number if signed else None,
        "signed_fingerprint": signed.content_hash if signed else "",
        "renewal_of": getattr(pact, "renewal_of_id", None),
    }


def export_queryset(pacts):
    from django.db.models import Prefetch

    return pacts.select_related("frozen_version").prefetch_related(
        Prefetch("parties", queryset=Party.objects.select_related("organisation").order_by("pk"))
    )


def _rows(pacts, detail_prefix: str) -> Iterator[dict]:
    for pact in export_queryset(pacts).iterator(chunk_size=CHUNK):
        yield pact_row(pact, detail_prefix=detail_prefix)


class _Echo:
    """A file-like object whose ``write`` returns the line, for ``csv.writer`` in a stream."""

    def write(self, value: str) -> str:
        return value


def csv_lines(pacts, *, detail_prefix: str) -> Iterable[str]:
    """UTF-8 CSV with a byte-order mark (spreadsheets then read the accents right), comma
    separated, one header line with ``COLUMNS``."""
    writer = csv.DictWriter(_Echo(), fieldnames=COLUMNS, lineterminator="\r\n")
    yield "\ufeff" + writer.writeheader()
    for row in _rows(pacts, detail_prefix):
        yield writer.writerow({key: "" if value is None else value for key, value in row.items()})


def geojson_chunks(pacts, *, detail_prefix: str) -> Iterable[str]:
    """A GeoJSON FeatureCollection (RFC 7946, WGS 84 longitude then latitude) of the pacts whose
    commons has coordinates; the properties are the CSV's columns without the coordinates."""
    located = pacts.filter(commons__latitude__isnull=False, commons__longitude__isnull=False)
    yield '{"type":"FeatureCollection","name":' + json.dumps(_("Collaboration pacts")) + ',"features":['
    first = True
    for row in _rows(located, detail_prefix):
        latitude, longitude = row.pop("latitude"), row.pop("longitude")
        feature = {"type": "Feature", "id": row["id"], "geometry": {"type": "Point", "coordinates": [longitude, latitude]}}
        feature["properties"] = row
        yield ("" if first else ",") + json.dumps(feature, ensure_ascii=False, separators=(",", ":"))
        first = False
    yield "]}"
