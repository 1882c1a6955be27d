"""A running pact: joining (and signing when it is active), yearly reports, suspension,
termination and renewal, with the permission matrix of each; the city agents' dashboard."""

import datetime as dt
import io

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.errors import ApplicationError, InvalidInput, InvalidState, PermissionDenied
from pactes import services
from pactes.models import JoinRequest, Pact, PactReport, Party, Signature
from pactes.services import renewal, reports
from pactes.services.workflow import pact_transition
from tests.conftest import PASSWORD

S = Pact.Status
ROLES = ["anonymous", "resident", "proponent", "other_party", "city_agent", "superuser"]


def _active(make_pact, people):
    """An active pact whose version 1 is signed by its three parties."""
    pact = make_pact(status=S.ACTIVE)
    version = pact.versions.get()
    pact.frozen_version = version
    pact.save()
    for party in pact.parties.all():
        signer = {
            Party.Role.PROPONENT: people.proponent,
            Party.Role.CO_SIGNATORY: people.other_party,
            Party.Role.CITY: people.city_agent,
        }[party.role]
        Signature.objects.create(version=version, party=party, signer=signer, content_hash=version.content_hash)
    return pact


def _report(pact, actor, period=1):
    return reports.report_file(
        actor=actor,
        pact=pact,
        period=period,
        actions="Trois ateliers de jardinage",
        results="Un potager partagé",
        city_support="Prêt d’outils",
        volunteers=12,
        hours=140,
        participants={"18_29": 4, "75_plus": 3},
    )


def _png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(buffer, format="PNG")
    return SimpleUploadedFile("jardin.png", buffer.getvalue(), content_type="image/png")


# --- joining ----------------------------------------------------------------------------------


@pytest.mark.parametrize("state", S.values)
@pytest.mark.parametrize("role", ROLES)
def test_join_request_matrix_anyone_outside_may_ask_in_consultation_or_active(state, role, people, make_pact):
    pact = make_pact(status=state)
    if state == S.ACTIVE:
        pact.frozen_version = pact.versions.get()
        pact.save()
    actor = getattr(people, role)
    allowed = state in {S.CONSULTATION, S.ACTIVE} and role == "resident"
    if allowed:
        services.join_request_create(actor=actor, pact=pact, signed_version_number=1 if state == S.ACTIVE else None)
        assert JoinRequest.objects.filter(pact=pact, user=actor).count() == 1
    else:
        with pytest.raises(ApplicationError):
            services.join_request_create(actor=actor, pact=pact, signed_version_number=1)
        assert not JoinRequest.objects.filter(pact=pact).exists()


@pytest.mark.parametrize("role", ROLES)
def test_join_decision_matrix_only_proponents_and_the_city_decide(role, people, make_pact):
    pact = make_pact(status=S.CONSULTATION)
    request = services.join_request_create(actor=people.resident, pact=pact)
    actor = getattr(people, role)
    if role in {"proponent", "city_agent", "superuser"}:
        services.join_request_decide(actor=actor, join_request=request, accept=False, reason="Complet cette année")
        request.refresh_from_db()
        assert (request.status, request.decision_reason) == ("declined", "Complet cette année")
    else:
        with pytest.raises(PermissionDenied):
            services.join_request_decide(actor=actor, join_request=request, accept=True)
        request.refresh_from_db()
        assert request.status == "pending"
        assert not pact.parties.filter(person=people.resident).exists()


def test_declining_a_join_request_needs_a_reason(people, make_pact):
    pact = make_pact(status=S.CONSULTATION)
    request = services.join_request_create(actor=people.resident, pact=pact)
    with pytest.raises(InvalidInput):
        services.join_request_decide(actor=people.proponent, join_request=request, accept=False, reason="  ")
    request.refresh_from_db()
    assert request.status == "pending"


def test_joining_an_active_pact_signs_its_signed_version(people, make_pact):
    pact = _active(make_pact, people)
    with pytest.raises(InvalidState):
        services.join_request_create(actor=people.resident, pact=pact)  # without signing
    with pytest.raises(InvalidState):
        services.join_request_create(actor=people.resident, pact=pact, signed_version_number=2)
    request = services.join_request_create(actor=people.resident, pact=pact, signed_version_number=1)
    services.join_request_decide(actor=people.city_agent, join_request=request, accept=True)
    party = pact.parties.get(person=people.resident)
    signature = Signature.objects.get(party=party)
    assert signature.version_id == pact.frozen_version_id
    assert signature.content_hash == pact.frozen_version.content_hash
    assert signature.signer == people.resident
    pact.refresh_from_db()
    assert pact.status == S.ACTIVE
    assert pact.versions.count() == 1  # the signed text does not change


def test_joining_an_active_pact_through_the_page_needs_the_password(client_for, people, make_pact):
    pact = _active(make_pact, people)
    client = client_for(people.resident)
    page = client.get(pact.get_absolute_url()).content.decode()
    assert 'name="password"' in page
    wrong = client.post(f"/pactes/{pact.pk}/rejoindre/", {"password": "faux", "confirm": "on", "version": 1})
    assert wrong.status_code == 400
    assert not JoinRequest.objects.exists()
    right = client.post(f"/pactes/{pact.pk}/rejoindre/", {"password": PASSWORD, "confirm": "on", "version": 1})
    assert right.status_code == 303
    assert JoinRequest.objects.get().signed_version_id == pact.frozen_version_id


def test_declined_requester_reads_the_reason_on_the_page(client_for, people, make_pact):
    pact = make_pact(status=S.CONSULTATION)
    request = services.join_request_create(actor=people.resident, pact=pact)
    response = client_for(people.proponent).post(
        f"/pactes/{pact.pk}/demandes/{request.pk}/", {"decision": "decline", "reason": ""}
    )
    assert response.status_code == 400
    client_for(people.proponent).post(
        f"/pactes/{pact.pk}/demandes/{request.pk}/", {"decision": "decline", "reason": "Le jardin est complet"}
    )
    assert "Le jardin est complet" in client_for(people.resident).get(pact.get_absolute_url()).content.decode()


# --- yearly reports -----------------------------------------------------------------------------


@pytest.mark.parametrize("state", [S.CO_DESIGN, S.SIGNING, S.ACTIVE, S.SUSPENDED, S.ENDED])
@pytest.mark.parametrize("role", ROLES)
def test_report_matrix_parties_report_while_the_pact_runs(state, role, people, make_pact):
    pact = make_pact(status=state)
    actor = getattr(people, role)
    with time_machine.travel(dt.datetime(2027, 6, 1, 12, tzinfo=dt.UTC)):
        if state in {S.ACTIVE, S.SUSPENDED} and role in {"proponent", "other_party"}:
            report = _report(pact, actor)
            assert report.participants == {"18_29": 4, "75_plus": 3}
            assert report.party.pact_id == pact.pk
        else:
            with pytest.raises(PermissionDenied):
                _report(pact, actor)
            assert not PactReport.objects.exists()


def test_report_bad_input_changes_nothing(people, make_pact):
    pact = make_pact(status=S.ACTIVE)
    with time_machine.travel(dt.datetime(2027, 6, 1, 12, tzinfo=dt.UTC)):
        with pytest.raises(InvalidInput):
            _report(pact, people.proponent, period=2)  # year 2 has not begun
        for bad in [{"participants": {"enfants": 3}}, {"volunteers": -1}, {"hours": "beaucoup"}, {"actions": ""}]:
            arguments = {"actor": people.proponent, "pact": pact, "period": 1, "actions": "a", "results": "r", **bad}
            with pytest.raises(InvalidInput):
                reports.report_file(**arguments)
        with pytest.raises(InvalidInput):
            reports.report_file(
                actor=people.proponent,
                pact=pact,
                period=1,
                actions="a",
                results="r",
                photos=[(SimpleUploadedFile("photo.png", b"#!/bin/sh\necho", content_type="image/png"), "Photo")],
            )
        assert not PactReport.objects.exists()
        _report(pact, people.proponent)
        with pytest.raises(InvalidState):
            _report(pact, people.other_party)
    assert PactReport.objects.count() == 1


def test_report_with_photo_shows_on_the_pact_page_and_the_city_answers(client_for, people, make_pact):
    pact = make_pact(status=S.ACTIVE)
    with time_machine.travel(dt.datetime(2027, 6, 1, 12, tzinfo=dt.UTC)):
        report = reports.report_file(
            actor=people.proponent,
            pact=pact,
            period=1,
            actions="Plantations",
            results="Vingt arbres",
            volunteers=5,
            hours=30,
            participants={"30_44": 6},
            photos=[(_png(), "Des enfants plantent un pommier")],
        )
    with pytest.raises(PermissionDenied):
        reports.report_answer(actor=people.proponent, report=report, answer="Merci")
    client_for(people.city_agent).post(f"/pactes/{pact.pk}/rapports/{report.pk}/repondre/", {"answer": "Bravo !"})
    page = client_for(None).get(pact.get_absolute_url()).content.decode()
    assert "Vingt arbres" in page and "Bravo !" in page
    assert 'alt="Des enfants plantent un pommier"' in page
    photo = report.photos.get()
    assert client_for(None).get(photo.get_absolute_url()).status_code == 200


# --- suspension, termination, renewal ---------------------------------------------------------


@pytest.mark.parametrize("name", ["suspend", "terminate"])
@pytest.mark.parametrize("role", ROLES)
def test_suspension_and_termination_matrix_only_the_city(name, role, people, make_pact):
    pact = make_pact(status=S.ACTIVE)
    actor = getattr(people, role)
    if role in {"city_agent", "superuser"}:
        pact_transition(pact=pact, name=name, actor=actor, reason="Travaux de voirie")
        pact.refresh_from_db()
        assert pact.status == (S.SUSPENDED if name == "suspend" else S.ENDED)
    else:
        with pytest.raises(PermissionDenied):
            pact_transition(pact=pact, name=name, actor=actor, reason="Travaux de voirie")
        pact.refresh_from_db()
        assert pact.status == S.ACTIVE


@pytest.mark.parametrize("state", [S.CO_DESIGN, S.SIGNING, S.ACTIVE, S.SUSPENDED, S.ENDED])
@pytest.mark.parametrize("role", ROLES)
def test_renewal_matrix_proponents_renew_a_signed_pact(state, role, people, make_pact):
    pact = make_pact(status=state)
    pact.frozen_version = pact.versions.get()
    pact.save()
    actor = getattr(people, role)
    if state in {S.ACTIVE, S.SUSPENDED, S.ENDED} and role == "proponent":
        new = renewal.pact_renew(actor=actor, pact=pact)
        assert (new.status, new.renewal_of_id) == (S.DRAFT, pact.pk)
    else:
        with pytest.raises(ApplicationError):
            renewal.pact_renew(actor=actor, pact=pact)
        assert not Pact.objects.filter(renewal_of=pact).exists()


def test_renewal_is_prefilled_from_the_last_signed_version_and_replaces_the_old_pact(people, make_pact):
    old = _active(make_pact, people)
    signed = old.frozen_version
    new = renewal.pact_renew(actor=people.proponent, pact=old)
    text = new.versions.get()
    assert [c.body for c in text.clauses.order_by("position")] == [c.body for c in signed.clauses.order_by("position")]
    assert text.start_date == dt.date(2028, 1, 1) and text.end_date == dt.date(2028, 12, 31)
    assert {(p.role, p.organisation_id) for p in new.parties.all()} == {
        (Party.Role.PROPONENT, people.association.pk),
        (Party.Role.CO_SIGNATORY, people.partner.pk),
    }
    with pytest.raises(InvalidState):
        renewal.pact_renew(actor=people.proponent, pact=old)
    # The renewal goes through the workflow; when it becomes active, the old pact ends.
    pact_transition(pact=new, name="submit", actor=people.proponent)
    pact_transition(pact=new, name="start_co_design", actor=people.city_agent)
    pact_transition(pact=new, name="freeze", actor=people.city_agent)
    new.refresh_from_db()
    from pactes.services.signing import pact_sign

    for signer in (people.proponent, people.other_party, people.city_agent):
        pact_sign(pact=new, signer=signer, version_number=new.frozen_version.number)
    new.refresh_from_db()
    old.refresh_from_db()
    assert new.status == S.ACTIVE
    assert (old.status, old.end_reason) == (S.ENDED, "renewed")
    assert old.events.filter(transition="supersede", actor__isnull=True).exists()


# --- dashboard --------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_dashboard_is_for_the_city_only(role, people, client_for):
    response = client_for(None if role == "anonymous" else getattr(people, role)).get("/pactes/tableau-de-bord/")
    if role in {"city_agent", "superuser"}:
        assert response.status_code == 200
    elif role == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == 404


def test_dashboard_lists_waiting_pacts_late_deadlines_and_reports_to_read(
    people, make_pact, client_for, django_assert_max_num_queries
):
    waiting = make_pact(status=S.SUBMITTED, title="Proposition en attente")
    running = make_pact(status=S.ACTIVE, title="Pacte en retard de rapport")
    reported = make_pact(status=S.ACTIVE, title="Pacte avec rapport")
    with time_machine.travel(dt.datetime(2027, 6, 1, 12, tzinfo=dt.UTC)):
        _report(reported, people.proponent)
    with time_machine.travel(dt.datetime(2028, 2, 1, 12, tzinfo=dt.UTC)):
        client = client_for(people.city_agent)  # a session opened at that time
        client.get("/pactes/tableau-de-bord/")
        with django_assert_max_num_queries(15):
            page = client.get("/pactes/tableau-de-bord/").content.decode()
    late = page.split('id="late-title"')[1].split("</section>")[0]
    assert waiting.title in late and running.title in late and reported.title not in late
    read = page.split('id="read-title"')[1].split("</section>")[0]
    assert reported.title in read and running.title not in read


def test_privacy_export_holds_ones_reports_and_join_decisions(people, make_pact):
    from pactes.privacy import export_user_data

    pact = make_pact(status=S.ACTIVE)
    with time_machine.travel(dt.datetime(2027, 6, 1, 12, tzinfo=dt.UTC)):
        _report(pact, people.proponent)
    consultation = make_pact(status=S.CONSULTATION)
    request = services.join_request_create(actor=people.resident, pact=consultation)
    services.join_request_decide(actor=people.city_agent, join_request=request, accept=False, reason="Complet")
    assert [r["year"] for r in export_user_data(user=people.proponent)["reports"]] == [1]
    assert export_user_data(user=people.other_party)["reports"] == []
    assert export_user_data(user=people.resident)["join_requests"][0]["decision_reason"] == "Complet"
