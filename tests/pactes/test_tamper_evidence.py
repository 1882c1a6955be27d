"""Tamper evidence: a signed text changed directly in the database shows on the verifier, on the
pact page and in the public journal's verification, even when its stored fingerprint is
recomputed to match."""

import itertools
import json

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.urls import reverse

from pactes.canonical import fingerprint, version_document
from pactes.journal import GENESIS, entry_hash, journal_verify
from pactes.models import Clause, JournalEntry, JournalError, Pact, PactVersion
from pactes.signing import pact_sign
from pactes.workflow import pact_transition

S = Pact.Status


@pytest.fixture(autouse=True)
def _no_earlier_check():
    """The last full check is kept in the cache, which outlives each test's database."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def signed_pact(people, make_pact):
    """A pact frozen through the workflow and signed by every party (so journalled)."""
    pact = make_pact(status=S.CO_DESIGN)
    pact_transition(pact=pact, name="freeze", actor=people.city_agent)
    pact.refresh_from_db()
    for signer in (people.proponent, people.other_party, people.city_agent):
        pact_sign(pact=pact, signer=signer, version_number=pact.frozen_version.number)
    pact.refresh_from_db()
    assert pact.status == S.ACTIVE
    return pact


def _alter_clause(version: PactVersion, *, recompute_hash: bool) -> str:
    """What an attacker with database access would do: change a clause with SQL, and maybe store
    the fingerprint of the new text so that the version looks consistent."""
    clause = version.clauses.order_by("position").first()
    Clause.objects.filter(pk=clause.pk).update(body=clause.body + " Sauf le dimanche.")
    if recompute_hash:
        version = PactVersion.objects.get(pk=version.pk)
        PactVersion.objects.filter(pk=version.pk).update(content_hash=fingerprint(version_document(version)))
    return clause.heading


def test_freeze_and_signatures_are_journalled_in_a_chain(signed_pact):
    entries = list(JournalEntry.objects.order_by("sequence"))
    assert [e.kind for e in entries] == ["version", "signature", "signature", "signature"]
    assert entries[0].previous_hash == GENESIS
    for before, after in itertools.pairwise(entries):
        assert after.previous_hash == before.entry_hash
    assert {e.fingerprint for e in entries} == {signed_pact.frozen_version.content_hash}
    assert journal_verify().ok


def test_verifier_says_an_untouched_signed_text_matches(signed_pact, client):
    response = client.get(reverse("pactes:verify"), {"empreinte": signed_pact.frozen_version.content_hash})
    assert response.status_code == 200
    assert response.context["integrity"].intact
    assert 'role="alert"' not in response.text


@pytest.mark.parametrize("recompute_hash", [False, True])
def test_verifier_catches_a_clause_changed_in_the_database(recompute_hash, signed_pact, client):
    version = signed_pact.frozen_version
    signed = version.content_hash
    heading = _alter_clause(version, recompute_hash=recompute_hash)
    # The fingerprint printed on the signed PDF is still found, through the signatures and journal.
    response = client.get(reverse("pactes:verify"), {"empreinte": signed})
    integrity = response.context["integrity"]
    assert not integrity.intact
    assert len(integrity.broken_signatures) == 3
    text = " ".join(integrity.problems)
    assert "Porteuse" not in text  # parties are named by their party, not the person
    assert "Les Jardins partagés" in text and "Amicale des locataires" in text
    assert heading in text  # the journal's part fingerprints name the clause that changed
    assert ("recorded for the version" in text or "enregistrée pour la version" in text) != recompute_hash
    assert 'role="alert"' in response.text


def test_verifier_with_the_recomputed_fingerprint_still_reports_the_signatures(signed_pact, client):
    version = signed_pact.frozen_version
    _alter_clause(version, recompute_hash=True)
    forged = PactVersion.objects.get(pk=version.pk).content_hash
    response = client.get(reverse("pactes:verify"), {"empreinte": forged})
    integrity = response.context["integrity"]
    assert integrity.recomputed == forged and not integrity.intact
    assert len(integrity.broken_signatures) == 3


def test_pact_page_warns_when_its_signed_text_no_longer_matches(signed_pact, client):
    url = reverse("pactes:detail", args=[signed_pact.pk])
    assert 'id="integrity-warning"' not in client.get(url).text
    heading = _alter_clause(signed_pact.frozen_version, recompute_hash=True)
    page = client.get(url).text
    assert 'id="integrity-warning"' in page and heading in page


def test_journal_verification_catches_the_changed_text_and_alerts(
    signed_pact, settings, capsys, django_capture_on_commit_callbacks
):
    settings.ADMINS = [("Admin", "admin@example.org")]
    _alter_clause(signed_pact.frozen_version, recompute_hash=True)
    report = journal_verify()
    assert not report.ok and any(f"Pact {signed_pact.pk}, version 1" in p or "Pacte" in p for p in report.problems)
    with pytest.raises(CommandError):
        call_command("verify_pact_journal")
    from pactes.tasks import verify_journal

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert verify_journal.delay().get() is False
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["admin@example.org"]


def test_journal_command_passes_on_an_intact_journal(signed_pact, capsys):
    call_command("verify_pact_journal")
    assert "4 entries" in capsys.readouterr().out


def test_healthz_reports_the_journal(signed_pact, client):
    detail = client.get("/healthz").json()["details"]["pact_journal"]
    assert detail["status"] == "ok" and detail["entries"] == 4
    head = JournalEntry.objects.order_by("-sequence").first()
    assert detail["head"] == head.entry_hash
    assert "last_full_check" not in detail


def test_healthz_starts_from_the_last_full_check_and_sees_a_rewritten_checkpoint(signed_pact, client):
    from pactes.tasks import verify_journal

    assert verify_journal.delay().get() is True
    detail = client.get("/healthz").json()["details"]["pact_journal"]
    assert detail["status"] == "ok" and detail["entries"] == 4
    assert detail["last_full_check"]["status"] == "ok"
    if connection.vendor == "postgresql":
        return  # the trigger refuses the rewrite itself (tested above)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE pactes_journalentry SET entry_hash = %s WHERE sequence = 4", ["f" * 64])
    detail = client.get("/healthz").json()["details"]["pact_journal"]
    assert detail["status"] == "error" and "4" in detail["problems"][0]


def test_journal_refuses_changes_through_the_orm(signed_pact):
    entry = JournalEntry.objects.first()
    with pytest.raises(JournalError):
        JournalEntry.objects.filter(pk=entry.pk).update(fingerprint="0" * 64)
    with pytest.raises(JournalError):
        JournalEntry.objects.all().delete()
    with pytest.raises(JournalError):
        entry.save()
    with pytest.raises(JournalError):
        entry.delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only")
def test_journal_trigger_refuses_update_and_delete_in_sql(signed_pact):
    from django.db import DatabaseError

    for sql in ("UPDATE pactes_journalentry SET fingerprint = 'x'", "DELETE FROM pactes_journalentry"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert JournalEntry.objects.count() == 4


def test_journal_verification_catches_an_entry_rewritten_in_sql(signed_pact):
    if connection.vendor == "postgresql":
        pytest.skip("the trigger refuses the rewrite itself")
    entry = JournalEntry.objects.order_by("sequence")[1]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE pactes_journalentry SET payload = %s WHERE id = %s",
            [json.dumps({"kind": "signature", "fingerprint": entry.fingerprint}), entry.pk],
        )
    problems = journal_verify(texts=False).problems
    assert any(str(entry.sequence) in p for p in problems)


def test_journal_page_and_feed_publish_a_chain_anyone_can_recompute(signed_pact, client):
    page = client.get(reverse("pactes:journal"))
    assert page.status_code == 200 and signed_pact.frozen_version.content_hash in page.text
    feed = client.get(reverse("pactes:journal_feed")).json()
    previous = GENESIS
    for item in feed["entries"]:
        assert item["previous"] == previous
        recomputed = entry_hash(
            sequence=item["sequence"], previous=item["previous"], created_at=item["created_at"], payload=item["payload"]
        )
        assert recomputed == item["hash"]
        previous = item["hash"]
    assert feed["head"]["hash"] == previous
    assert client.get(reverse("pactes:journal_feed"), {"apres": "x"}).status_code == 400
    assert client.get(reverse("pactes:journal_feed"), {"apres": 2}).json()["entries"][0]["sequence"] == 3
