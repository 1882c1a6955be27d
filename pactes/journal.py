"""The public journal of fingerprints: an append-only log, chained by hash.

Each entry records a version frozen for signature (with a fingerprint of each of its parts) or
a signature. Its hash is the SHA-256 of the canonical JSON of ``{"sequence", "previous",
"created_at", "payload"}``, where ``previous`` is the hash of the entry before it (64 zeros for
the first). The journal is published (``/pactes/journal/`` and its JSON feed): anyone who kept
a copy can check that the entries they hold are still there, unchanged, in the same order, and
that the texts they point to still give the same fingerprints. A change made directly in the
database, to the journal or to a signed text, shows.
"""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from notifications.outbox import email_queue
from pactes.canonical import fingerprint, part_fingerprints, version_document
from pactes.models import JournalEntry, PactVersion, Signature

logger = logging.getLogger(__name__)

GENESIS = "0" * 64
# The last full verification, for /healthz (the periodic task writes it).
LAST_CHECK_CACHE_KEY = "pactes:journal:last-check"
# Any constant: the advisory lock that queues appends on PostgreSQL.
_LOCK_KEY = 0x70616374


def entry_hash(*, sequence: int, previous: str, created_at: str, payload: dict) -> str:
    return fingerprint({"sequence": sequence, "previous": previous, "created_at": created_at, "payload": payload})


def _append(*, kind: str, version: PactVersion, payload: dict) -> JournalEntry:
    """Append one entry. Appends are queued (an advisory lock on PostgreSQL; SQLite transactions
    already write one at a time) and the unique ``sequence`` and ``previous_hash`` refuse a fork."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])
        last = JournalEntry.objects.order_by("-sequence").values("sequence", "entry_hash").first()
        sequence = last["sequence"] + 1 if last else 1
        previous = last["entry_hash"] if last else GENESIS
        now = timezone.now()
        created_at = now.isoformat(timespec="microseconds")
        payload = {"kind": kind, "pact": version.pact_id, "version": version.number, **payload}
        return JournalEntry.objects.create(
            sequence=sequence,
            kind=kind,
            pact_id=version.pact_id,
            version_id=version.pk,
            version_number=version.number,
            fingerprint=payload["fingerprint"],
            payload=payload,
            previous_hash=previous,
            entry_hash=entry_hash(sequence=sequence, previous=previous, created_at=created_at, payload=payload),
            created_at=now,
        )


def journal_record_version(*, version: PactVersion, doc: dict | None = None) -> JournalEntry:
    """Record a version frozen for signature: its fingerprint and the fingerprint of each part."""
    doc = doc or version_document(version)
    return _append(
        kind=JournalEntry.Kind.VERSION,
        version=version,
        payload={"fingerprint": fingerprint(doc), "parts": part_fingerprints(doc)},
    )


def journal_record_signature(*, signature: Signature) -> JournalEntry:
    """Record a signature: the party (a public name on the pact page) and the fingerprint signed."""
    return _append(
        kind=JournalEntry.Kind.SIGNATURE,
        version=signature.version,
        payload={
            "fingerprint": signature.content_hash,
            "signature": signature.pk,
            "party": signature.party.name,
            "signed_at": signature.signed_at.isoformat(timespec="seconds"),
        },
    )


def serialise(entry: JournalEntry) -> dict:
    """An entry as the JSON feed publishes it: everything needed to recompute its hash."""
    return {
        "sequence": entry.sequence,
        "previous": entry.previous_hash,
        "created_at": entry.created_at.isoformat(timespec="microseconds"),
        "payload": entry.payload,
        "hash": entry.entry_hash,
    }


@dataclass
class JournalReport:
    entries: int = 0
    head: str = GENESIS
    problems: list[str] = field(default_factory=list)
    # The chain itself (numbers, links, hashes) holds, whatever the texts it points to.
    chain_ok: bool = True

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict:
        return {
            "status": "ok" if self.ok else "error",
            "entries": self.entries,
            "head": self.head,
            "chain": "ok" if self.chain_ok else "error",
            "problems": self.problems[:20],
        }


def journal_verify(*, texts: bool = True, after: tuple[int, str] | None = None) -> JournalReport:
    """Walk the whole chain: sequence without gaps, each entry linked to the previous one, each
    hash recomputed. With ``texts``, also recompute every journalled version's fingerprint from
    its stored text and compare every journalled signature with the stored one.

    ``after=(sequence, hash)``, a checkpoint of an earlier full verification, checks only that
    this entry still has that hash and that the entries written since chain on from it."""
    report = JournalReport()
    previous, expected = GENESIS, 1
    entries = JournalEntry.objects.order_by("sequence")
    if after is not None and after[0] > 0:
        sequence, previous = after
        checkpoint = JournalEntry.objects.filter(sequence=sequence).values_list("entry_hash", flat=True).first()
        report.entries = sequence
        if checkpoint != previous:
            report.problems.append(
                _("Entry %(n)s: it is no longer the entry verified earlier (the journal was rewritten).")
                % {"n": sequence}
            )
        entries, expected = entries.filter(sequence__gt=sequence), sequence + 1
    version_entries: dict[int, JournalEntry] = {}
    signature_entries: list[JournalEntry] = []
    for entry in entries.iterator(chunk_size=2000):
        report.entries += 1
        if entry.sequence != expected:
            report.problems.append(
                _("Entry %(n)s: expected entry number %(expected)s (an entry is missing).")
                % {"n": entry.sequence, "expected": expected}
            )
        if entry.previous_hash != previous:
            report.problems.append(
                _("Entry %(n)s: it does not point to the entry before it (the chain is broken).")
                % {"n": entry.sequence}
            )
        recomputed = entry_hash(
            sequence=entry.sequence,
            previous=entry.previous_hash,
            created_at=entry.created_at.isoformat(timespec="microseconds"),
            payload=entry.payload,
        )
        if recomputed != entry.entry_hash or entry.payload.get("fingerprint") != entry.fingerprint:
            report.problems.append(
                _("Entry %(n)s: its content no longer gives its hash (the entry was changed).") % {"n": entry.sequence}
            )
        previous, expected = entry.entry_hash, entry.sequence + 1
        if entry.kind == JournalEntry.Kind.VERSION:
            version_entries[entry.version_id] = entry
        else:
            signature_entries.append(entry)
    report.head = previous
    report.chain_ok = not report.problems
    if texts:
        _verify_texts(report, version_entries, signature_entries)
    return report


def _verify_texts(report: JournalReport, version_entries: dict, signature_entries: list) -> None:
    versions = PactVersion.objects.filter(pk__in=version_entries).select_related("pact").prefetch_related("clauses")
    found = set()
    for version in versions.iterator(chunk_size=200):
        found.add(version.pk)
        entry = version_entries[version.pk]
        digest = fingerprint(version_document(version))
        if digest != entry.fingerprint:
            report.problems.append(
                _("Pact %(pact)s, version %(n)s: the stored text no longer gives the fingerprint of entry %(entry)s.")
                % {"pact": version.pact_id, "n": version.number, "entry": entry.sequence}
            )
        elif version.content_hash != entry.fingerprint:
            report.problems.append(
                _("Pact %(pact)s, version %(n)s: the stored fingerprint differs from entry %(entry)s.")
                % {"pact": version.pact_id, "n": version.number, "entry": entry.sequence}
            )
    for version_id in set(version_entries) - found:
        entry = version_entries[version_id]
        report.problems.append(
            _("Pact %(pact)s, version %(n)s of entry %(entry)s no longer exists.")
            % {"pact": entry.pact_id, "n": entry.version_number, "entry": entry.sequence}
        )
    stored = dict(
        Signature.objects.filter(pk__in=[e.payload.get("signature") for e in signature_entries]).values_list(
            "pk", "content_hash"
        )
    )
    for entry in signature_entries:
        if stored.get(entry.payload.get("signature")) != entry.fingerprint:
            report.problems.append(
                _("Entry %(entry)s: the stored signature no longer carries the fingerprint recorded.")
                % {"entry": entry.sequence}
            )


def journal_check_and_alert() -> JournalReport:
    """The periodic check: verify everything, keep the result for /healthz, and tell the
    administrators (log and e-mail) when anything does not match."""
    report = journal_verify(texts=True)
    cache.set(
        LAST_CHECK_CACHE_KEY,
        {**report.as_dict(), "checked_at": timezone.now().isoformat(timespec="seconds")},
        timeout=None,
    )
    if not report.ok:
        logger.error("The pact fingerprint journal does not verify: %s", "; ".join(report.problems[:20]))
        recipients = [address for _name, address in settings.ADMINS]
        # Through the outbox like every e-mail: a mail server down at check time delays the
        # alert, it does not lose it.
        body = "\n".join(
            [_("The periodic check found %(n)d problems:") % {"n": len(report.problems)}, ""]
            + [f"- {problem}" for problem in report.problems[:100]]
        )
        for address in recipients:
            email_queue(
                to=address, subject=_("The journal of pact fingerprints does not verify"), body=body, kind="journal"
            )
    return report


def health_detail() -> dict:
    """For /healthz: the chain checked now (hashes only, and only the entries written since the
    last full check of the periodic task, from its checkpoint), and that last full check."""
    last = cache.get(LAST_CHECK_CACHE_KEY)
    checkpoint = (last["entries"], last["head"]) if last and last.get("chain") == "ok" else None
    detail = journal_verify(texts=False, after=checkpoint).as_dict()
    if last is not None:
        detail["last_full_check"] = {key: last[key] for key in ("status", "checked_at", "entries")}
    return detail
