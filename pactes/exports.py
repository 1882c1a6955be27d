"""Open data: the register as CSV and GeoJSON (schema in docs/open-data.md).

Both are streamed row by row from one selection read in chunks (``iterator(chunk_size=…)``
and the parties of each chunk in one query), so 5,000 pacts cost a dozen queries and never sit
in memory at once.

Personal data: only what is public on the pact pages *and* names no individual. Organisations
(associations, groups, city departments) are named; people who are parties in their own name
are counted, not named, and no account, e-mail address or signer appears.
"""

import hashlib
import json
from collections.abc import Iterable, Iterator

from django.db.models import Count, Max
from django.utils.translation import gettext as _

from cite import csvfile
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
    "proponent_kind",
    "council_decision_reference",
    "signed_pdf_url",
    "signed_text_url",
    "status_changed_at",
]
SEPARATOR = " ; "
# A pact in these statuses was signed: its frozen version is the signed text.
SIGNED_STATUSES = {Pact.Status.ACTIVE, Pact.Status.SUSPENDED, Pact.Status.ENDED}


_iso = csvfile.iso


def pact_row(pact: Pact, parties: list[tuple], *, detail_prefix: str, labels: dict) -> dict:
    """One pact as the open-data record; ``parties`` are its ``(organisation name, organisation
    kind, person id)`` triples in order."""
    commons = pact.commons
    organisations = [(name, kind) for name, kind, person in parties if name is not None]
    persons = sum(1 for _name, _kind, person in parties if person is not None)
    kinds = sorted({kind for _name, kind in organisations} | ({"person"} if persons else set()))
    signed = pact.frozen_version if pact.status in SIGNED_STATUSES else None
    engagement = pact.engagement
    return {
        "id": pact.pk,
        "url": f"{detail_prefix}{pact.pk}/",
        "title": pact.title,
        "status": pact.status,
        "status_label": labels[pact.status],
        "type": pact.type,
        "commons_id": commons.pk,
        "commons_name": commons.name,
        "commons_kind": commons.kind,
        "neighbourhood": commons.neighbourhood or None,
        "address": commons.address or None,
        "latitude": float(commons.latitude) if commons.latitude is not None else None,
        "longitude": float(commons.longitude) if commons.longitude is not None else None,
        "engagement_number": engagement.number if engagement else None,
        "engagement_title": engagement.title if engagement else None,
        "organisations": SEPARATOR.join(name for name, _kind in organisations) or None,
        "party_kinds": SEPARATOR.join(kinds) or None,
        "individual_parties": persons,
        "start_date": _iso(pact.start_date),
        "end_date": _iso(pact.end_date),
        "submitted_at": _iso(pact.submitted_at),
        "activated_at": _iso(pact.activated_at),
        "ended_at": _iso(pact.ended_at),
        "end_reason": pact.end_reason or None,
        "signed_version": signed.number if signed else None,
        "signed_fingerprint": signed.content_hash if signed else None,
        "renewal_of": getattr(pact, "renewal_of_id", None),
        "proponent_kind": pact.proponent_kind or None,
        "council_decision_reference": pact.council_decision_reference or None,
        "signed_pdf_url": f"{detail_prefix}{pact.pk}/versions/{signed.number}.pdf" if signed else None,
        "signed_text_url": f"{detail_prefix}{pact.pk}/versions/{signed.number}.json" if signed else None,
        "status_changed_at": _iso(pact.status_changed_at),
    }


def _parties_of(pact_ids: list[int]) -> dict[int, list[tuple]]:
    """The parties of a chunk of pacts in one query (a prefetch would clone a queryset per pact)."""
    found: dict[int, list[tuple]] = {pk: [] for pk in pact_ids}
    rows = (
        Party.objects.filter(pact_id__in=pact_ids)
        .order_by("pact_id", "pk")
        .values_list("pact_id", "organisation__name", "organisation__kind", "person_id")
    )
    for pact_id, name, kind, person in rows:
        found[pact_id].append((name, kind, person))
    return found


def _rows(pacts, detail_prefix: str) -> Iterator[dict]:
    labels = {value: str(label) for value, label in Pact.Status.choices}
    pacts = pacts.select_related("commons", "engagement", "frozen_version")
    chunk: list[Pact] = []
    for pact in pacts.iterator(chunk_size=CHUNK):
        chunk.append(pact)
        if len(chunk) == CHUNK:
            yield from _chunk_rows(chunk, detail_prefix, labels)
            chunk = []
    yield from _chunk_rows(chunk, detail_prefix, labels)


def _chunk_rows(chunk: list[Pact], detail_prefix: str, labels: dict) -> Iterator[dict]:
    parties = _parties_of([pact.pk for pact in chunk]) if chunk else {}
    for pact in chunk:
        yield pact_row(pact, parties[pact.pk], detail_prefix=detail_prefix, labels=labels)


def csv_lines(pacts, *, detail_prefix: str) -> Iterable[str]:
    """The register as spreadsheet-safe CSV (``cite.csvfile``), one header line with ``COLUMNS``."""
    return csvfile.csv_lines(COLUMNS, _rows(pacts, detail_prefix))


def version_stamp(pacts) -> str:
    """A digest of what an export of ``pacts`` shows, without building the file: the columns the
    export reads from the pacts and their commons, and their parties' count and latest
    addition. Any change a register row shows changes the digest."""
    digest = hashlib.sha256()
    narrow = pacts.order_by("pk").values_list(
        "pk", "status_changed_at", "title", "status", "type", "end_reason", "start_date", "end_date",
        "submitted_at", "activated_at", "ended_at", "council_decision_reference", "proponent_kind",
        "frozen_version_id", "renewal_of_id", "engagement__title", "commons__name", "commons__kind",
        "commons__neighbourhood", "commons__address", "commons__latitude", "commons__longitude",
    )  # fmt: skip
    for row in narrow.iterator(chunk_size=2000):
        digest.update(repr(row).encode())
    parties = Party.objects.filter(pact__in=pacts).aggregate(n=Count("pk"), last=Max("added_at"))
    digest.update(repr(parties).encode())
    return digest.hexdigest()[:32]


def geojson_chunks(pacts, *, detail_prefix: str) -> Iterable[str]:
    """A GeoJSON FeatureCollection (RFC 7946, WGS 84 longitude then latitude) of the pacts whose
    commons has coordinates; the properties are the CSV's columns without the coordinates."""
    located = pacts.filter(commons__latitude__isnull=False, commons__longitude__isnull=False)
    yield '{"type":"FeatureCollection","name":' + json.dumps(_("Collaboration pacts")) + ',"features":['
    first = True
    for row in _rows(located, detail_prefix):
        latitude, longitude = row.pop("latitude"), row.pop("longitude")
        feature = {
            "type": "Feature",
            "id": row["id"],
            "geometry": {"type": "Point", "coordinates": [longitude, latitude]},
            "properties": row,
        }
        yield ("" if first else ",") + json.dumps(feature, ensure_ascii=False, separators=(",", ":"))
        first = False
    yield "]}"


# The commons: a public list of the places the register refers to by ``commons_id``.
COMMONS_COLUMNS = [
    "id",
    "name",
    "kind",
    "neighbourhood",
    "address",
    "latitude",
    "longitude",
    "description",
    "photo_url",
    "pacts",
    "active_pacts",
    "pact_ids",
]


def commons_rows(commons, *, photo_url) -> Iterator[dict]:
    """One record per commons of ``register.commons_with_pacts`` (public pacts prefetched);
    ``photo_url(pk)`` gives the absolute address of a photo."""
    for item in commons:
        pacts = item.public_pacts
        yield {
            "id": item.pk,
            "name": item.name,
            "kind": item.kind,
            "neighbourhood": item.neighbourhood or None,
            "address": item.address or None,
            "latitude": float(item.latitude) if item.latitude is not None else None,
            "longitude": float(item.longitude) if item.longitude is not None else None,
            "description": item.description or None,
            "photo_url": photo_url(item.pk) if item.photo else None,
            "pacts": len(pacts),
            "active_pacts": sum(1 for pact in pacts if pact.status == Pact.Status.ACTIVE),
            "pact_ids": SEPARATOR.join(str(pact.pk) for pact in sorted(pacts, key=lambda p: p.pk)) or None,
        }
