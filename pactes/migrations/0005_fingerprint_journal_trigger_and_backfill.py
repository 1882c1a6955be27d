"""The fingerprint journal: on PostgreSQL the database itself refuses to change or delete an
entry, whatever the code path (like the moderation log's trigger). SQLite gets no trigger:
Django's test flush empties tables with DELETE, and the model and manager refuse both.

Pacts signed before the journal existed get their entries now, in the order things happened:
each frozen version, then its signatures."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION pactes_journal_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION USING MESSAGE = 'pactes_journalentry is append-only (' || TG_OP || ' refused)';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS pactes_journal_append_only ON pactes_journalentry;
CREATE TRIGGER pactes_journal_append_only
    BEFORE UPDATE OR DELETE ON pactes_journalentry
    FOR EACH ROW EXECUTE FUNCTION pactes_journal_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS pactes_journal_append_only ON pactes_journalentry;
DROP FUNCTION IF EXISTS pactes_journal_append_only();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


def backfill(apps, schema_editor):
    """With the models as they are at this migration, and the journal's own pure functions."""
    from django.utils import timezone

    from pactes.canonical import document, fingerprint, part_fingerprints
    from pactes.journal import GENESIS, entry_hash

    PactVersion = apps.get_model("pactes", "PactVersion")
    Signature = apps.get_model("pactes", "Signature")
    JournalEntry = apps.get_model("pactes", "JournalEntry")
    state = {"sequence": 0, "previous": GENESIS}

    def append(kind, version, payload):
        now = timezone.now()
        state["sequence"] += 1
        payload = {"kind": kind, "pact": version.pact_id, "version": version.number, **payload}
        digest = entry_hash(
            sequence=state["sequence"],
            previous=state["previous"],
            created_at=now.isoformat(timespec="microseconds"),
            payload=payload,
        )
        JournalEntry.objects.create(
            sequence=state["sequence"],
            kind=kind,
            pact_id=version.pact_id,
            version_id=version.pk,
            version_number=version.number,
            fingerprint=payload["fingerprint"],
            payload=payload,
            previous_hash=state["previous"],
            entry_hash=digest,
            created_at=now,
        )
        state["previous"] = digest

    signed = PactVersion.objects.filter(signatures__isnull=False).distinct().select_related("pact")
    for version in signed.order_by("created_at", "pk"):
        doc = document(
            pact_id=version.pact_id,
            number=version.number,
            title=version.title,
            commons={"id": version.pact.commons_id, "name": version.commons_name},
            parties=version.parties,
            start_date=version.start_date,
            end_date=version.end_date,
            clauses=list(version.clauses.order_by("position").values("key", "heading", "body")),
        )
        append("version", version, {"fingerprint": fingerprint(doc), "parts": part_fingerprints(doc)})
        signatures = Signature.objects.filter(version=version).select_related("party__organisation", "party__person")
        for signature in signatures.order_by("signed_at", "pk"):
            party = signature.party
            name = party.organisation.name if party.organisation_id else (party.person.display_name or "participant")
            payload = {
                "fingerprint": signature.content_hash,
                "signature": signature.pk,
                "party": name,
                "signed_at": signature.signed_at.isoformat(timespec="seconds"),
            }
            append("signature", version, payload)


class Migration(migrations.Migration):
    dependencies = [("pactes", "0004_fingerprint_journal_and_signing_delegations")]

    operations = [
        migrations.RunPython(create, drop),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
