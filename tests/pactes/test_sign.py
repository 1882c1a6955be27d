"""Signing one exact version: who may sign, for which party, and when the pact becomes active."""

import pytest

from core.errors import InvalidInput, InvalidState, PermissionDenied
from pactes.models import Clause, Pact, PactEvent, Signature
from pactes.services import council_reference_set
from pactes.services.signing import pact_sign, signature_check_reauthentication
from pactes.services.workflow import pact_transition
from tests.conftest import PASSWORD


def test_sign_records_the_version_fingerprint_and_the_last_signature_activates(people, make_pact):
    pact = make_pact(status=Pact.Status.SIGNING)
    version = pact.frozen_version
    first = pact_sign(pact=pact, signer=people.proponent, version_number=version.number)
    assert first.content_hash == version.content_hash and first.party.role == "proponent"
    pact_sign(pact=pact, signer=people.other_party, version_number=version.number)
    pact.refresh_from_db()
    assert pact.status == Pact.Status.SIGNING
    pact_sign(pact=pact, signer=people.city_agent, version_number=version.number)
    pact.refresh_from_db()
    assert pact.status == Pact.Status.ACTIVE and pact.activated_at is not None
    event = pact.events.get(transition="activate")
    assert event.actor is None and event.version_number == version.number


@pytest.mark.parametrize("role", ["anonymous", "resident"])
def test_sign_refuses_a_non_party(role, people, make_pact):
    pact = make_pact(status=Pact.Status.SIGNING)
    with pytest.raises(PermissionDenied):
        pact_sign(pact=pact, signer=getattr(people, role), version_number=pact.frozen_version.number)
    assert Signature.objects.count() == 0


def test_sign_refuses_a_member_who_is_not_a_representative(people, make_pact, make_user):
    from accounts.models import Membership

    member = make_user()
    Membership.objects.create(user=member, organisation=people.association, role="member")
    pact = make_pact(status=Pact.Status.SIGNING)
    with pytest.raises(PermissionDenied):
        pact_sign(pact=pact, signer=member, version_number=pact.frozen_version.number)
    assert Signature.objects.count() == 0


def test_sign_refuses_another_version_number_than_the_frozen_one(people, make_pact):
    pact = make_pact(status=Pact.Status.SIGNING)
    with pytest.raises(InvalidState) as caught:
        pact_sign(pact=pact, signer=people.proponent, version_number=pact.frozen_version.number + 1)
    assert caught.value.code == "VERSION_NOT_FROZEN"
    assert Signature.objects.count() == 0


def test_sign_twice_for_the_same_party_is_refused(people, make_pact):
    pact = make_pact(status=Pact.Status.SIGNING)
    pact_sign(pact=pact, signer=people.proponent, version_number=1)
    with pytest.raises(InvalidState) as caught:
        pact_sign(pact=pact, signer=people.proponent, version_number=1)
    assert caught.value.code == "ALREADY_SIGNED"
    assert Signature.objects.count() == 1


def test_sign_outside_signing_is_refused(people, make_pact):
    pact = make_pact(status=Pact.Status.CO_DESIGN)
    with pytest.raises(InvalidState):
        pact_sign(pact=pact, signer=people.proponent, version_number=1)
    assert Signature.objects.count() == 0


def test_city_signs_a_complex_pact_only_with_the_council_decision_reference(people, make_pact):
    pact = make_pact(status=Pact.Status.SIGNING, type=Pact.Type.COMPLEX)
    with pytest.raises(InvalidState) as caught:
        pact_sign(pact=pact, signer=people.city_agent, version_number=1)
    assert caught.value.code == "COUNCIL_DECISION_MISSING"
    with pytest.raises(PermissionDenied):
        council_reference_set(actor=people.proponent, pact=pact, reference="DCM 2027-014")
    council_reference_set(actor=people.city_agent, pact=pact, reference="DCM 2027-014")
    assert pact_sign(pact=pact, signer=people.city_agent, version_number=1).party.role == "city"


def test_sign_refuses_a_version_whose_stored_text_no_longer_matches_its_fingerprint(people, make_pact):
    pact = make_pact(status=Pact.Status.SIGNING)
    # Bypass the model (as a direct database edit would) to alter a frozen clause.
    Clause.objects.filter(version=pact.frozen_version, position=1).update(body="Texte modifié en douce")
    with pytest.raises(InvalidState) as caught:
        pact_sign(pact=pact, signer=people.proponent, version_number=1)
    assert caught.value.code == "TAMPERED"
    assert Signature.objects.count() == 0


def test_freeze_refuses_a_text_without_dates(people, make_pact):
    from pactes.services.versions import version_create

    pact = make_pact(status=Pact.Status.CO_DESIGN)
    latest = pact.versions.get()
    clauses = [{"key": c.key, "heading": c.heading, "body": c.body} for c in latest.clauses.all()]
    version_create(
        actor=people.city_agent,
        pact=pact,
        based_on=1,
        clauses=clauses,
        title=latest.title,
        start_date=None,
        end_date=None,
    )
    with pytest.raises(InvalidState) as caught:
        pact_transition(pact=pact, name="freeze", actor=people.city_agent)
    assert caught.value.code == "DATES_MISSING"
    pact.refresh_from_db()
    assert pact.status == Pact.Status.CO_DESIGN and not pact.events.filter(transition="freeze").exists()


def test_freeze_freezes_the_latest_version(people, make_pact):
    pact = make_pact(status=Pact.Status.CO_DESIGN)
    pact_transition(pact=pact, name="freeze", actor=people.city_agent)
    pact.refresh_from_db()
    assert pact.frozen_version == pact.versions.latest("number")
    assert pact.events.get(transition="freeze").version_number == 1


def test_reauthentication_checks_the_password(people):
    assert signature_check_reauthentication(user=people.proponent, password=PASSWORD) is False
    with pytest.raises(InvalidInput):
        signature_check_reauthentication(user=people.proponent, password="pas-le-bon")
    with pytest.raises(InvalidInput):
        signature_check_reauthentication(user=people.proponent, password="")


def test_reauthentication_asks_for_the_totp_code_when_the_second_factor_is_on(people):
    from allauth.mfa.totp.internal.auth import (
        TOTP,
        format_hotp_value,
        generate_totp_secret,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    secret = generate_totp_secret()
    TOTP.activate(people.city_agent, secret)
    with pytest.raises(InvalidInput):
        signature_check_reauthentication(user=people.city_agent, password=PASSWORD)
    with pytest.raises(InvalidInput):
        signature_check_reauthentication(user=people.city_agent, password=PASSWORD, code="000000")
    counters = list(yield_hotp_counters_from_time())
    counter = counters[len(counters) // 2]  # the current period
    code = format_hotp_value(hotp_value(secret, counter))
    with pytest.raises(InvalidInput):
        signature_check_reauthentication(user=people.city_agent, password="faux", code=code)
    assert signature_check_reauthentication(user=people.city_agent, password=PASSWORD, code=code) is True


def test_signature_event_is_public_in_the_timeline(people, make_pact):
    pact = make_pact(status=Pact.Status.SIGNING)
    pact_sign(pact=pact, signer=people.other_party, version_number=1)
    event = pact.events.get(kind=PactEvent.Kind.SIGNATURE)
    assert event.actor == people.other_party and event.reason == "Amicale des locataires"
