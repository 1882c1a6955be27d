"""Does the text stored for a version still match what was signed?

The fingerprint is recomputed from the stored clauses and parties, never read back, and
compared with three records that must all agree: the version's stored fingerprint, the
fingerprint each signature carries, and the public journal (pactes.journal). Someone who
changes a clause in the database and recomputes the version's fingerprint to match is still
caught by the signatures and by the journal; the journal's fingerprints of each part say
which clause, or the title, the parties, the dates, changed.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from pactes.canonical import fingerprint, part_fingerprints, version_document
from pactes.models import JournalEntry, PactVersion, Signature

PART_LABELS = {
    "title": lambda: _("the title"),
    "commons": lambda: _("the commons"),
    "parties": lambda: _("the list of parties"),
    "dates": lambda: _("the dates"),
}


@dataclass
class Integrity:
    """The outcome of a check: the fingerprint recomputed now and what does not match it."""

    recomputed: str
    stored: str
    problems: list[str] = field(default_factory=list)
    # Signature ids whose fingerprint is not the one the stored text gives.
    broken_signatures: set[int] = field(default_factory=set)

    @property
    def intact(self) -> bool:
        return not self.problems


def _short(digest: str) -> str:
    return digest[:16] + "…"


def check_version(
    *,
    version: PactVersion,
    clauses=None,
    signatures: list[Signature] | None = None,
    entries: list[JournalEntry] | None = None,
) -> Integrity:
    """Check ``version`` against its stored fingerprint, ``signatures`` (all those of the
    version, voided ones included: they too signed a fingerprint) and the journal ``entries``
    about it. Rows already loaded may be given; missing ones are read."""
    doc = version_document(version, clauses)
    recomputed = fingerprint(doc)
    result = Integrity(recomputed=recomputed, stored=version.content_hash)
    if recomputed != version.content_hash:
        result.problems.append(
            _(
                "The text stored for this version gives the fingerprint %(recomputed)s, not the fingerprint "
                "recorded for the version (%(stored)s)."
            )
            % {"recomputed": _short(recomputed), "stored": _short(version.content_hash)}
        )
    if signatures is None:
        signatures = list(version.signatures.select_related("party__organisation", "party__person"))
    for signature in signatures:
        if signature.content_hash != recomputed:
            result.broken_signatures.add(signature.pk)
            result.problems.append(
                _(
                    "%(party)s signed the fingerprint %(signed)s on %(date)s; the text stored now gives "
                    "%(recomputed)s: this is not the text they signed."
                )
                % {
                    "party": signature.party.name,
                    "signed": _short(signature.content_hash),
                    "date": signature.signed_at.date().isoformat(),
                    "recomputed": _short(recomputed),
                }
            )
    if entries is None:
        entries = list(JournalEntry.objects.filter(version_id=version.pk).order_by("sequence"))
    for entry in entries:
        if entry.kind != JournalEntry.Kind.VERSION or entry.fingerprint == recomputed:
            continue
        result.problems.append(
            _("The public journal recorded the fingerprint %(logged)s for this version (entry no. %(n)s).")
            % {"logged": _short(entry.fingerprint), "n": entry.sequence}
        )
        result.problems.extend(_changed_parts(entry.payload.get("parts") or {}, part_fingerprints(doc)))
    return result


def _changed_parts(logged: dict, now: dict) -> list[str]:
    """Which parts differ from the fingerprints the journal recorded."""
    changes = []
    for part, label in PART_LABELS.items():
        if part in logged and logged[part] != now[part]:
            changes.append(_("Since then, %(part)s changed.") % {"part": label()})
    before = {c["key"]: c for c in logged.get("clauses", [])}
    after = {c["key"]: c for c in now["clauses"]}
    for key, clause in after.items():
        if key not in before:
            changes.append(_("Since then, the clause “%(heading)s” was added.") % {"heading": clause["heading"]})
        elif before[key]["fingerprint"] != clause["fingerprint"]:
            changes.append(
                _("Since then, the clause “%(heading)s” changed.") % {"heading": before[key].get("heading", key)}
            )
    for key, clause in before.items():
        if key not in after:
            changes.append(_("Since then, the clause “%(heading)s” was removed.") % {"heading": clause["heading"]})
    if not changes and [c["key"] for c in logged.get("clauses", [])] != list(after):
        changes.append(_("Since then, the clauses were put in another order."))
    return changes
