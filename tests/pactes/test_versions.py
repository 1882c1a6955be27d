"""Versions: immutable, fingerprinted over their canonical form, compared clause by clause."""

import datetime as dt
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.errors import InvalidInput, InvalidState, NotFound, PermissionDenied
from pactes import canonical
from pactes.diff import clause_changes, word_diff
from pactes.models import Clause, Comment, ImmutableError, Pact, PactEvent, PactVersion, Signature
from pactes.services import comment_post
from pactes.services.signing import pact_sign
from pactes.services.versions import version_create

BASE = {
    "pact_id": 7,
    "number": 2,
    "title": "Jardin des Lilas",
    "commons": {"id": 3, "name": "Jardin des Lilas"},
    "parties": [
        {"role": "proponent", "kind": "organisation", "id": 1, "name": "Les Jardins partagés"},
        {"role": "city", "kind": "organisation", "id": 2, "name": "Ville"},
    ],
    "start_date": dt.date(2027, 1, 1),
    "end_date": dt.date(2027, 12, 31),
    "clauses": [
        {"key": "objectives", "heading": "Objectifs", "body": "Cultiver ensemble."},
        {"key": "governance", "heading": "Gouvernance", "body": "Deux réunions par an."},
    ],
}


def _hash(**changes):
    return canonical.fingerprint(canonical.document(**{**BASE, **changes}))


def _edit(pact, actor, *, body=None, **changes):
    latest = pact.versions.latest("number")
    clauses = [{"key": c.key, "heading": c.heading, "body": c.body} for c in latest.clauses.all()]
    if body is not None:
        clauses[0]["body"] = body
    fields = {"title": latest.title, "start_date": latest.start_date, "end_date": latest.end_date, **changes}
    return version_create(actor=actor, pact=pact, based_on=latest.number, clauses=clauses, **fields)


# --- the fingerprint ---------------------------------------------------------------------------


def test_fingerprint_is_the_sha256_of_sorted_compact_nfc_json():
    import hashlib
    import json

    doc = canonical.document(**BASE)
    expected = hashlib.sha256(
        json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    ).hexdigest()
    assert canonical.fingerprint(doc) == expected
    assert canonical.canonical_bytes(doc).startswith(b'{"clauses":[{"body":"Cultiver ensemble."')


def test_fingerprint_is_the_same_for_the_same_content_whatever_the_unicode_form_and_party_order():
    nfd = unicodedata.normalize("NFD", "Deux réunions par an.")
    assert nfd != "Deux réunions par an."
    clauses = [BASE["clauses"][0], {**BASE["clauses"][1], "body": nfd}]
    assert _hash(clauses=clauses) == _hash()
    assert _hash(parties=list(reversed(BASE["parties"]))) == _hash()


@pytest.mark.parametrize(
    "change",
    [
        {"number": 3},
        {"pact_id": 8},
        {"title": "Jardin des Lilas "},
        {"commons": {"id": 4, "name": "Jardin des Lilas"}},
        {"start_date": dt.date(2027, 1, 2)},
        {"end_date": None},
        {"parties": BASE["parties"][:1]},
        {"parties": [{**BASE["parties"][0], "name": "Les Jardins partagés du quartier"}, BASE["parties"][1]]},
        {"parties": [{**BASE["parties"][0], "role": "co_signatory"}, BASE["parties"][1]]},
        {"clauses": list(reversed(BASE["clauses"]))},
        {"clauses": [{**BASE["clauses"][0], "heading": "Objectif"}, BASE["clauses"][1]]},
        {"clauses": [{**BASE["clauses"][0], "body": "Cultiver ensemble !"}, BASE["clauses"][1]]},
        {"clauses": BASE["clauses"][:1]},
    ],
)
def test_fingerprint_changes_when_any_part_of_the_signed_content_changes(change):
    assert _hash(**change) != _hash()


@settings(max_examples=200, deadline=None)
@given(body=st.text(max_size=200), other=st.text(max_size=200))
def test_fingerprint_depends_on_the_clause_text_and_only_on_its_nfc_form(body, other):
    def with_body(text):
        return _hash(clauses=[{**BASE["clauses"][0], "body": text}, BASE["clauses"][1]])

    assert with_body(body) == with_body(unicodedata.normalize("NFD", body))
    same = unicodedata.normalize("NFC", body) == unicodedata.normalize("NFC", other)
    assert (with_body(body) == with_body(other)) == same


# --- versions ---------------------------------------------------------------------------------


def test_version_and_clause_rows_cannot_be_changed_once_written(make_pact):
    pact = make_pact(status=Pact.Status.CO_DESIGN)
    version = pact.versions.get()
    version.title = "Autre titre"
    with pytest.raises(ImmutableError):
        version.save()
    clause = version.clauses.first()
    clause.body = "Autre texte"
    with pytest.raises(ImmutableError):
        clause.save()
    version.refresh_from_db()
    assert version.title == "Jardin des Lilas"
    assert canonical.fingerprint(canonical.version_document(version)) == version.content_hash


def test_editing_makes_a_new_version_and_leaves_the_old_one_unchanged(people, make_pact):
    pact = make_pact(status=Pact.Status.CO_DESIGN)
    first = pact.versions.get()
    first_hash, first_body = first.content_hash, first.clauses.first().body
    second = _edit(pact, people.other_party, body="Cultiver et partager le jardin.", note="Précision")
    assert second.number == 2 and second.content_hash != first_hash
    first.refresh_from_db()
    assert first.content_hash == first_hash and first.clauses.first().body == first_body
    assert second.clauses.first().body == "Cultiver et partager le jardin."
    assert pact.events.filter(kind=PactEvent.Kind.VERSION, version_number=2, actor=people.other_party).exists()


def test_editing_dates_changes_the_fingerprint(people, make_pact):
    pact = make_pact(status=Pact.Status.CO_DESIGN)
    first = pact.versions.get()
    second = _edit(pact, people.city_agent, end_date=dt.date(2028, 6, 30))
    assert second.content_hash != first.content_hash
    assert second.end_date == dt.date(2028, 6, 30)


def test_editing_refuses_an_edit_without_change_and_stores_nothing(people, make_pact):
    pact = make_pact(status=Pact.Status.CO_DESIGN)
    with pytest.raises(InvalidInput) as caught:
        _edit(pact, people.proponent)
    assert caught.value.code == "NO_CHANGE"
    assert pact.versions.count() == 1


def test_editing_from_a_stale_or_forged_version_number_is_refused(people, make_pact):
    pact = make_pact(status=Pact.Status.CO_DESIGN)
    clauses = [{"key": "a", "heading": "A", "body": "Texte"}]
    for based_on in (0, 2, 999):
        with pytest.raises(InvalidState) as caught:
            version_create(
                actor=people.proponent,
                pact=pact,
                based_on=based_on,
                clauses=clauses,
                title="T",
                start_date=None,
                end_date=None,
            )
        assert caught.value.code == "VERSION_CONFLICT"
    assert pact.versions.count() == 1


@pytest.mark.parametrize("role", ["anonymous", "resident"])
def test_editing_is_refused_to_people_outside_the_pact(role, people, make_pact):
    pact = make_pact(status=Pact.Status.CO_DESIGN)
    with pytest.raises(PermissionDenied):
        _edit(pact, getattr(people, role), body="Autre")
    assert pact.versions.count() == 1


def test_editing_is_refused_outside_drafting_and_co_design(people, make_pact):
    pact = make_pact(status=Pact.Status.ACTIVE)
    with pytest.raises(PermissionDenied):
        _edit(pact, people.city_agent, body="Autre")
    assert pact.versions.count() == 1


@pytest.mark.parametrize(
    "clauses",
    [[], [{"key": "a", "heading": "", "body": "x"}], [{"key": "a", "heading": "A", "body": "  \n "}]],
)
def test_editing_refuses_empty_clauses(clauses, people, make_pact):
    pact = make_pact(status=Pact.Status.CO_DESIGN)
    with pytest.raises(InvalidInput):
        version_create(
            actor=people.proponent, pact=pact, based_on=1, clauses=clauses, title="T", start_date=None, end_date=None
        )
    assert pact.versions.count() == 1


def test_a_change_during_signing_voids_signatures_and_returns_to_co_design(people, make_pact):
    pact = make_pact(status=Pact.Status.SIGNING)
    frozen = pact.frozen_version
    pact_sign(pact=pact, signer=people.proponent, version_number=frozen.number)
    pact_sign(pact=pact, signer=people.city_agent, version_number=frozen.number)
    assert Signature.objects.filter(voided_at__isnull=True).count() == 2
    _edit(pact, people.other_party, body="Une dernière précision.", note="Précision")
    pact.refresh_from_db()
    assert pact.status == Pact.Status.CO_DESIGN and pact.frozen_version is None
    assert Signature.objects.filter(voided_at__isnull=True).count() == 0
    assert Signature.objects.filter(voided_at__isnull=False).count() == 2
    assert list(pact.events.values_list("kind", "transition").order_by("pk"))[-3:] == [
        ("signatures_voided", ""),
        ("transition", "reopen"),
        ("version", ""),
    ]
    # The old frozen version is still there, unchanged, with its voided signatures.
    assert PactVersion.objects.get(pk=frozen.pk).content_hash == frozen.content_hash


# --- the diff ----------------------------------------------------------------------------------


def test_word_diff_marks_insertions_and_deletions():
    segments = word_diff("Deux réunions par an.", "Trois réunions par an au moins.")
    assert [(s.op, s.text) for s in segments if s.op != "equal"] == [
        ("delete", "Deux"),
        ("insert", "Trois"),
        ("insert", " au moins"),
    ]


def test_clause_changes_pair_clauses_by_key(people, make_pact):
    pact = make_pact(status=Pact.Status.CO_DESIGN)
    first = pact.versions.get()
    clauses = [{"key": c.key, "heading": c.heading, "body": c.body} for c in first.clauses.all()]
    clauses[0]["body"] += " Avec les écoles."
    removed = clauses.pop(5)
    clauses.append({"key": "", "heading": "Fêtes de quartier", "body": "Une fête par an."})
    second = version_create(
        actor=people.city_agent,
        pact=pact,
        based_on=1,
        clauses=clauses,
        title=first.title,
        start_date=first.start_date,
        end_date=first.end_date,
    )
    changes = {c.key: c for c in clause_changes(first, second)}
    assert changes["objectives"].status == "changed"
    assert [s.text for s in changes["objectives"].segments if s.op == "insert"] == [" Avec les écoles."]
    assert changes[removed["key"]].status == "removed"
    assert changes["fetes-de-quartier"].status == "added"
    assert changes["duration"].status == "unchanged"


# --- comments -------------------------------------------------------------------------------


def test_comment_on_a_clause_of_another_pact_is_refused(people, make_pact):
    pact = make_pact(status=Pact.Status.CONSULTATION)
    other = make_pact(status=Pact.Status.CONSULTATION, title="Autre pacte")
    foreign = Clause.objects.filter(version__pact=other).first()
    with pytest.raises(InvalidInput) as caught:
        comment_post(actor=people.resident, pact=pact, version_number=1, clause_id=foreign.pk, body="Bonjour")
    assert caught.value.code == "CLAUSE_NOT_IN_VERSION"
    assert Comment.objects.count() == 0


def test_comment_on_a_forged_version_number_is_refused(people, make_pact):
    pact = make_pact(status=Pact.Status.CONSULTATION)
    clause = Clause.objects.filter(version__pact=pact).first()
    with pytest.raises(NotFound):
        comment_post(actor=people.resident, pact=pact, version_number=42, clause_id=clause.pk, body="Bonjour")
    assert Comment.objects.count() == 0


def test_comment_is_refused_in_a_draft_and_to_anonymous_visitors(people, make_pact):
    draft = make_pact(status=Pact.Status.DRAFT)
    clause = Clause.objects.filter(version__pact=draft).first()
    with pytest.raises(PermissionDenied):
        comment_post(actor=people.resident, pact=draft, version_number=1, clause_id=clause.pk, body="Bonjour")
    pact = make_pact(status=Pact.Status.CONSULTATION)
    clause = Clause.objects.filter(version__pact=pact).first()
    with pytest.raises(PermissionDenied):
        comment_post(actor=people.anonymous, pact=pact, version_number=1, clause_id=clause.pk, body="Bonjour")
    assert Comment.objects.count() == 0


@settings(max_examples=300, deadline=None)
@given(old=st.text(alphabet="ab .\n", max_size=40), new=st.text(alphabet="ab .\n", max_size=40))
def test_word_diff_rebuilds_both_texts(old, new):
    segments = word_diff(old, new)
    assert "".join(s.text for s in segments if s.op != "insert") == old
    assert "".join(s.text for s in segments if s.op != "delete") == new


def test_comments_posted_too_fast_are_refused(people, make_pact, settings):
    settings.PACT_COMMENTS_PER_MINUTE = 2
    pact = make_pact(status=Pact.Status.CONSULTATION)
    clause = Clause.objects.filter(version__pact=pact).first()
    for body in ("Un", "Deux"):
        comment_post(actor=people.resident, pact=pact, version_number=1, clause_id=clause.pk, body=body)
    with pytest.raises(InvalidInput) as caught:
        comment_post(actor=people.resident, pact=pact, version_number=1, clause_id=clause.pk, body="Trois")
    assert caught.value.code == "RATE_LIMITED" and caught.value.extra["retry_after"] == 60
    assert Comment.objects.count() == 2
    comment_post(actor=people.other_party, pact=pact, version_number=1, clause_id=clause.pk, body="Autre personne")


# --- the format of the canonical form ----------------------------------------------------------


def test_canonical_form_carries_its_format_from_format_2_on():
    assert canonical.document(**BASE)["format"] == canonical.FORMAT == 2
    assert "format" not in canonical.document(**BASE, format_version=1)
    with pytest.raises(ValueError):
        canonical.document(**BASE, format_version=99)


def test_a_version_written_in_format_1_keeps_verifying_and_signing(people, make_pact):
    # A version stored before the form had a format: its fingerprint was computed without one.
    pact = make_pact(status=Pact.Status.CO_DESIGN)
    version = pact.versions.get()
    doc_v1 = {key: value for key, value in canonical.version_document(version).items() if key != "format"}
    old_hash = canonical.fingerprint(doc_v1)
    PactVersion.objects.filter(pk=version.pk).update(canonical_format=1, content_hash=old_hash)
    version.refresh_from_db()

    assert canonical.fingerprint(canonical.version_document(version)) == version.content_hash
    # Unchanged text is still "no change", whatever the format of the previous version.
    with pytest.raises(InvalidInput) as caught:
        _edit(pact, people.proponent)
    assert caught.value.code == "NO_CHANGE"
    second = _edit(pact, people.proponent, body="Cultiver et partager le jardin.")
    assert second.canonical_format == canonical.FORMAT
    assert canonical.fingerprint(canonical.version_document(second)) == second.content_hash
