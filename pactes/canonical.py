"""The canonical form of a pact version and its SHA-256 fingerprint (DESIGN §8).

The canonical form is a JSON document with sorted keys and no insignificant whitespace,
every string normalised to Unicode NFC, encoded as UTF-8. It holds the pact id, the version
number, the title, the commons, the parties, the dates and the clauses in order. Anyone can
recompute the fingerprint from a published version with this description alone.
"""

import hashlib
import json
import unicodedata
from datetime import date
from typing import Any

ROLE_ORDER = {"proponent": 0, "co_signatory": 1, "city": 2}


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {_nfc(k): _nfc(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_nfc(v) for v in value]
    return value


def _iso(value: date | str | None) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return value.isoformat()


def sorted_parties(parties: list[dict]) -> list[dict]:
    """Parties in a stable order: proponents, co-signatories, the city; then kind and id."""
    return sorted(parties, key=lambda p: (ROLE_ORDER.get(p["role"], 9), p["kind"], p["id"]))


def document(
    *,
    pact_id: int,
    number: int,
    title: str,
    commons: dict,
    parties: list[dict],
    start_date: date | str | None,
    end_date: date | str | None,
    clauses: list[dict],
) -> dict:
    return {
        "pact": pact_id,
        "version": number,
        "title": title,
        "commons": {"id": commons["id"], "name": commons["name"]},
        "parties": [
            {"role": p["role"], "kind": p["kind"], "id": p["id"], "name": p["name"]} for p in sorted_parties(parties)
        ],
        "start_date": _iso(start_date),
        "end_date": _iso(end_date),
        "clauses": [{"key": c["key"], "heading": c["heading"], "body": c["body"]} for c in clauses],
    }


def canonical_bytes(doc: dict | list | str) -> bytes:
    return json.dumps(_nfc(doc), sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def fingerprint(doc: dict | list | str) -> str:
    return hashlib.sha256(canonical_bytes(doc)).hexdigest()


def version_document(version, clauses=None) -> dict:
    """The canonical document of a stored version (its clauses prefetched or given)."""
    clauses = clauses if clauses is not None else list(version.clauses.all())
    return document(
        pact_id=version.pact_id,
        number=version.number,
        title=version.title,
        commons={"id": version.pact.commons_id, "name": version.commons_name},
        parties=version.parties,
        start_date=version.start_date,
        end_date=version.end_date,
        clauses=[
            {"key": c.key, "heading": c.heading, "body": c.body} for c in sorted(clauses, key=lambda c: c.position)
        ],
    )


def part_fingerprints(doc: dict) -> dict:
    """A fingerprint of each part of a canonical document, so that a changed text can be traced
    to the clause (or the title, parties, dates, commons) that changed."""
    return {
        "title": fingerprint(doc["title"]),
        "commons": fingerprint(doc["commons"]),
        "parties": fingerprint(doc["parties"]),
        "dates": fingerprint([doc["start_date"], doc["end_date"]]),
        "clauses": [{"key": c["key"], "heading": c["heading"], "fingerprint": fingerprint(c)} for c in doc["clauses"]],
    }
