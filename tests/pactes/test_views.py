"""The pact pages through the HTTP client: proposal, pact page, actions, text, uploads."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pactes import selectors
from pactes.models import Attachment, Clause, Comment, Commons, Pact, PactVersion
from pactes.services import comment_post
from pactes.services.workflow import pact_transition

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)
SCRIPT = b"#!/bin/sh\nrm -rf / --no-preserve-root\n"


def _proposal(**overrides):
    data = {
        "title": "Jardin partagé des Tilleuls",
        "pact_type": "ordinary",
        "proponent_kind": "person",
        "new_commons_name": "Square des Tilleuls",
        "new_commons_kind": "square",
        "new_commons_address": "2 rue des Tilleuls",
        "idea": "Planter et entretenir des carrés potagers ouverts à tous.",
        "activities": "Ateliers le samedi matin",
        "beneficiaries": "Les voisins, les écoles",
        "duration_months": "24",
        "periodicity": "periodic",
        "own_resources": "Graines et outils",
        "support_requested": ["tools", "insurance"],
        "publication_consent": "on",
    }
    data.update(overrides)
    return data


# --- lists and selectors --------------------------------------------------------------------


def test_list_shows_public_pacts_and_hides_drafts(client, make_pact):
    make_pact(status=Pact.Status.CONSULTATION, title="Pacte en consultation")
    make_pact(status=Pact.Status.DRAFT, title="Brouillon secret")
    response = client.get("/pactes/")
    assert response.status_code == 200
    assert "Pacte en consultation" in response.text and "Brouillon secret" not in response.text


def test_list_filters_by_status(client, make_pact):
    make_pact(status=Pact.Status.CONSULTATION, title="Pacte en consultation")
    make_pact(status=Pact.Status.ACTIVE, title="Pacte actif")
    response = client.get("/pactes/", {"statut": "active"})
    assert "Pacte actif" in response.text and "Pacte en consultation" not in response.text


def test_latest_pacts_and_pacts_for_engagement_take_one_query(make_pact, django_assert_num_queries, resident):
    from programme.models import EngagementPage

    for status in [Pact.Status.DRAFT, Pact.Status.SUBMITTED, Pact.Status.ACTIVE, Pact.Status.WITHDRAWN]:
        make_pact(status=status, title=f"Pacte {status}")
    withdrawn_early = make_pact(status=Pact.Status.WITHDRAWN, title="Retiré avant dépôt")
    Pact.objects.filter(pk=withdrawn_early.pk).update(submitted_at=None)
    with django_assert_num_queries(1):
        latest = selectors.latest_pacts(limit=10)
    assert {p.title for p in latest} == {"Pacte submitted", "Pacte active", "Pacte withdrawn"}
    assert all(p.get_absolute_url() and p.get_status_display() for p in latest)
    assert len(selectors.latest_pacts(limit=2)) == 2
    with django_assert_num_queries(1):
        assert selectors.pacts_for_engagement(engagement_id=4, user=resident) == []
    assert not EngagementPage.objects.exists()


def test_commons_page_lists_checked_commons_only(client, make_pact):
    make_pact(status=Pact.Status.ACTIVE)
    Commons.objects.create(name="Friche suggérée", is_validated=False)
    response = client.get("/pactes/biens-communs/")
    assert response.status_code == 200
    assert "Jardin des Lilas" in response.text and "Friche suggérée" not in response.text


# --- the pact page ---------------------------------------------------------------------------


def test_draft_page_is_hidden_from_everyone_but_its_parties_and_the_city(client_for, people, make_pact):
    pact = make_pact(status=Pact.Status.DRAFT)
    url = pact.get_absolute_url()
    assert client_for(None).get(url).status_code == 404
    assert client_for(people.resident).get(url).status_code == 404
    assert client_for(people.proponent).get(url).status_code == 200
    assert client_for(people.city_agent).get(url).status_code == 200


def test_pact_page_shows_clauses_parties_and_timeline(client_for, people, make_pact):
    pact = make_pact(status=Pact.Status.SUBMITTED)
    pact_transition(pact=pact, name="open_consultation", actor=people.city_agent)
    response = client_for(None).get(pact.get_absolute_url())
    assert response.status_code == 200
    text = response.text
    assert "Amicale des locataires" in text and "Objectives and actions" not in text  # clauses are in French
    assert "Objectifs et actions" in text
    assert "Camille (mairie)" in text  # the agent who opened the consultation, in the timeline


def test_pact_page_costs_at_most_15_queries_whatever_the_data(
    client_for, people, make_pact, django_assert_max_num_queries, make_user
):
    pact = make_pact(status=Pact.Status.CONSULTATION)
    client = client_for(people.proponent)
    client.get(pact.get_absolute_url())  # warm the caches of the site
    for i in range(15):
        clause = Clause.objects.filter(version__pact=pact).order_by("position")[i % 5]
        comment_post(actor=make_user(), pact=pact, version_number=1, clause_id=clause.pk, body=f"Avis {i}")
    for actor in (people.anonymous, people.resident, people.proponent, people.city_agent):
        client = client_for(actor if actor.is_authenticated else None)
        with django_assert_max_num_queries(15):
            response = client.get(pact.get_absolute_url())
        assert response.status_code == 200 and "Avis 14" in response.text


# --- proposal -------------------------------------------------------------------------------


def test_proposal_form_is_shown_to_a_resident(client_for, resident):
    response = client_for(resident).get("/pactes/proposer/")
    assert response.status_code == 200
    assert 'name="publication_consent"' in response.text


def test_proposal_needs_a_login_and_a_verified_address(client_for, unverified):
    assert client_for(None).get("/pactes/proposer/").status_code == 302
    response = client_for(unverified).post("/pactes/proposer/", _proposal())
    assert response.status_code == 403
    assert Pact.objects.count() == 0


def test_proposal_creates_a_draft_with_clauses_from_the_templates(client_for, resident):
    upload = SimpleUploadedFile("plan.png", PNG, content_type="image/png")
    response = client_for(resident).post(
        "/pactes/proposer/", _proposal(attachment=upload, attachment_title="Plan du jardin")
    )
    assert response.status_code == 302
    pact = Pact.objects.get()
    assert (pact.status, pact.proponent_kind, pact.periodicity) == ("draft", "person", "periodic")
    assert pact.parties.get().person == resident
    assert pact.commons.name == "Square des Tilleuls" and not pact.commons.is_validated
    version = pact.versions.get()
    keys = [c.key for c in version.clauses.all()]
    assert keys == [
        "objectives",
        "duration",
        "commitments",
        "collective_use",
        "city_support",
        "governance",
        "monitoring",
        "liability",
        "exclusion",
        "amendments",
    ]
    support = version.clauses.get(key="city_support").body
    assert "Outils et matériel" in support and "Assurance" in support
    assert "24 mois" in version.clauses.get(key="duration").body
    attachment = pact.attachments.get()
    assert attachment.content_type == "image/png" and attachment.title == "Plan du jardin"
    assert attachment.file.name.endswith(".png") and "plan" not in attachment.file.name


def test_proposal_for_an_informal_group_creates_the_group(client_for, resident):
    response = client_for(resident).post(
        "/pactes/proposer/",
        _proposal(proponent_kind="informal_group", group_name="Les voisins du 12", group_members="Ali\nBéa"),
    )
    assert response.status_code == 302
    party = Pact.objects.get().parties.get()
    assert party.organisation.name == "Les voisins du 12" and party.organisation.kind == "informal_group"
    assert party.organisation.memberships.get().user == resident


def test_proposal_for_an_organisation_someone_does_not_represent_is_refused(client_for, resident, make_organisation):
    other = make_organisation(name="Association d’autrui")
    response = client_for(resident).post(
        "/pactes/proposer/", _proposal(proponent_kind="organisation", organisation=other.pk)
    )
    assert response.status_code == 400
    assert Pact.objects.count() == 0


def test_proposal_with_a_script_renamed_pdf_is_refused_and_stores_nothing(client_for, resident):
    upload = SimpleUploadedFile("pacte.pdf", SCRIPT, content_type="application/pdf")
    response = client_for(resident).post("/pactes/proposer/", _proposal(attachment=upload))
    assert response.status_code == 400
    assert "PNG, JPEG ou WebP" in response.text
    assert Pact.objects.count() == 0 and Commons.objects.count() == 0 and Attachment.objects.count() == 0


def test_proposal_with_an_oversize_upload_is_refused(client_for, resident, settings):
    settings.PACT_UPLOAD_MAX_BYTES = 1024
    upload = SimpleUploadedFile("gros.pdf", b"%PDF-1.4\n" + b"0" * 2048, content_type="application/pdf")
    response = client_for(resident).post("/pactes/proposer/", _proposal(attachment=upload))
    assert response.status_code == 400
    assert "trop volumineux" in response.text
    assert Pact.objects.count() == 0


def test_proposal_without_consent_or_commons_is_refused(client_for, resident):
    data = _proposal(new_commons_name="")
    del data["publication_consent"]
    response = client_for(resident).post("/pactes/proposer/", data)
    assert response.status_code == 400
    assert Pact.objects.count() == 0


# --- actions ----------------------------------------------------------------------------------


def test_action_by_the_proponent_submits_the_draft(client_for, people, make_pact):
    pact = make_pact(status=Pact.Status.DRAFT)
    response = client_for(people.proponent).post(f"/pactes/{pact.pk}/action/submit/")
    assert response.status_code == 303
    pact.refresh_from_db()
    assert pact.status == Pact.Status.SUBMITTED


def test_action_by_someone_not_allowed_is_refused_and_changes_nothing(client_for, people, make_pact):
    pact = make_pact(status=Pact.Status.SUBMITTED)
    response = client_for(people.resident).post(f"/pactes/{pact.pk}/action/open_consultation/")
    assert response.status_code == 403
    assert "Vous n’avez pas le droit" in response.text or "pas autorisé" in response.text
    pact.refresh_from_db()
    assert pact.status == Pact.Status.SUBMITTED


def test_action_from_a_wrong_state_gets_409(client_for, people, make_pact):
    pact = make_pact(status=Pact.Status.ACTIVE)
    response = client_for(people.city_agent).post(f"/pactes/{pact.pk}/action/open_consultation/")
    assert response.status_code == 409
    pact.refresh_from_db()
    assert pact.status == Pact.Status.ACTIVE


def test_action_reject_needs_a_reason(client_for, people, make_pact):
    pact = make_pact(status=Pact.Status.SUBMITTED)
    client = client_for(people.city_agent)
    assert client.post(f"/pactes/{pact.pk}/action/reject/", {"reason": ""}).status_code == 400
    pact.refresh_from_db()
    assert pact.status == Pact.Status.SUBMITTED
    assert client.post(f"/pactes/{pact.pk}/action/reject/", {"reason": "Hors du domaine public"}).status_code == 303
    pact.refresh_from_db()
    assert pact.status == Pact.Status.REJECTED
    assert "Hors du domaine public" in client_for(None).get(pact.get_absolute_url()).text


def test_action_unknown_or_needs_csrf(client_for, people, make_pact):
    pact = make_pact(status=Pact.Status.SUBMITTED)
    assert client_for(people.city_agent).post(f"/pactes/{pact.pk}/action/delete/").status_code == 404
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(people.city_agent)
    assert csrf_client.post(f"/pactes/{pact.pk}/action/open_consultation/").status_code == 403
    pact.refresh_from_db()
    assert pact.status == Pact.Status.SUBMITTED


# --- text ---------------------------------------------------------------------------------------


def _edit_data(version, **overrides):
    data = {
        "based_on": version.number,
        "title": version.title,
        "start_date": version.start_date.isoformat() if version.start_date else "",
        "end_date": version.end_date.isoformat() if version.end_date else "",
        "note": "Précisions",
    }
    for i, clause in enumerate(version.clauses.all()):
        data[f"clause_{i}_key"] = clause.key
        data[f"clause_{i}_heading"] = clause.heading
        data[f"clause_{i}_body"] = clause.body
    data.update(overrides)
    return data


def test_edit_page_saves_a_new_version_and_the_diff_shows_it(client_for, people, make_pact):
    pact = make_pact(status=Pact.Status.CO_DESIGN)
    version = pact.versions.get()
    client = client_for(people.other_party)
    assert client.get(f"/pactes/{pact.pk}/modifier/").status_code == 200
    response = client.post(
        f"/pactes/{pact.pk}/modifier/",
        _edit_data(version, clause_0_body="Cultiver ensemble le jardin, avec les écoles."),
    )
    assert response.status_code == 302
    assert pact.versions.count() == 2
    diff = client_for(None).get(f"/pactes/{pact.pk}/diff/", {"from": 1, "to": 2})
    assert diff.status_code == 200
    assert "<ins>" in diff.text and "avec les écoles" in diff.text
    assert "clause modifiée" in diff.text


def test_edit_from_a_stale_version_is_refused(client_for, people, make_pact):
    pact = make_pact(status=Pact.Status.CO_DESIGN)
    version = pact.versions.get()
    response = client_for(people.city_agent).post(
        f"/pactes/{pact.pk}/modifier/", _edit_data(version, based_on=7, clause_0_body="Autre")
    )
    assert response.status_code == 400
    assert pact.versions.count() == 1


def test_edit_is_not_offered_to_a_resident(client_for, people, make_pact):
    pact = make_pact(status=Pact.Status.CO_DESIGN)
    assert client_for(people.resident).get(f"/pactes/{pact.pk}/modifier/").status_code == 404


@pytest.mark.parametrize("query", [{"from": 1, "to": 99}, {"from": "abc", "to": 1}, {"from": -1}])
def test_diff_with_a_forged_version_number_is_404(client, make_pact, query):
    pact = make_pact(status=Pact.Status.ACTIVE)
    assert client.get(f"/pactes/{pact.pk}/diff/", query).status_code == 404


def test_version_page_and_unknown_version(client, make_pact):
    pact = make_pact(status=Pact.Status.ACTIVE)
    assert client.get(f"/pactes/{pact.pk}/versions/1/").status_code == 200
    assert client.get(f"/pactes/{pact.pk}/versions/2/").status_code == 404


# --- comments ---------------------------------------------------------------------------------


def test_comment_and_public_answer(client_for, people, make_pact):
    pact = make_pact(status=Pact.Status.CONSULTATION)
    clause = Clause.objects.filter(version__pact=pact).first()
    response = client_for(people.resident).post(
        f"/pactes/{pact.pk}/commenter/", {"version": 1, "clause": clause.pk, "body": "Et les enfants ?"}
    )
    assert response.status_code == 303
    comment = Comment.objects.get()
    assert (
        client_for(people.resident)
        .post(f"/pactes/{pact.pk}/commentaires/{comment.pk}/repondre/", {"answer": "Moi aussi"})
        .status_code
        == 403
    )
    response = client_for(people.city_agent).post(
        f"/pactes/{pact.pk}/commentaires/{comment.pk}/repondre/", {"answer": "Un atelier leur sera réservé."}
    )
    assert response.status_code == 303
    page = client_for(None).get(pact.get_absolute_url()).text
    assert "Et les enfants ?" in page and "Un atelier leur sera réservé." in page


def test_comment_on_a_clause_of_another_pact_is_refused_over_http(client_for, people, make_pact):
    pact = make_pact(status=Pact.Status.CONSULTATION)
    other = make_pact(status=Pact.Status.CONSULTATION, title="Autre")
    foreign = Clause.objects.filter(version__pact=other).first()
    response = client_for(people.resident).post(
        f"/pactes/{pact.pk}/commenter/", {"version": 1, "clause": foreign.pk, "body": "Bonjour"}
    )
    assert response.status_code == 400
    assert Comment.objects.count() == 0


def test_comment_html_is_shown_as_text(client_for, people, make_pact):
    pact = make_pact(status=Pact.Status.CONSULTATION)
    clause = Clause.objects.filter(version__pact=pact).first()
    client_for(people.resident).post(
        f"/pactes/{pact.pk}/commenter/", {"version": 1, "clause": clause.pk, "body": "<script>alert(1)</script>"}
    )
    page = client_for(None).get(pact.get_absolute_url()).text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# --- joining and attachments --------------------------------------------------------------


def test_join_request_then_acceptance_adds_a_party_and_a_version(client_for, people, make_pact, make_user):
    pact = make_pact(status=Pact.Status.CONSULTATION)
    volunteer = make_user(display_name="Bénévole")
    assert (
        client_for(volunteer).post(f"/pactes/{pact.pk}/rejoindre/", {"message": "J’ai des outils"}).status_code == 303
    )
    assert client_for(volunteer).post(f"/pactes/{pact.pk}/rejoindre/", {}).status_code == 409
    join_request = pact.join_requests.get()
    assert (
        client_for(people.resident)
        .post(f"/pactes/{pact.pk}/demandes/{join_request.pk}/", {"decision": "accept"})
        .status_code
        == 403
    )
    response = client_for(people.proponent).post(
        f"/pactes/{pact.pk}/demandes/{join_request.pk}/", {"decision": "accept"}
    )
    assert response.status_code == 303
    assert pact.parties.filter(person=volunteer, role="co_signatory").exists()
    assert "Bénévole" in [p["name"] for p in pact.versions.latest("number").parties]


def test_attachment_upload_checks_the_content(client_for, people, make_pact):
    pact = make_pact(status=Pact.Status.CO_DESIGN)
    client = client_for(people.proponent)
    script = SimpleUploadedFile("devis.pdf", SCRIPT, content_type="application/pdf")
    response = client.post(f"/pactes/{pact.pk}/pieces-jointes/", {"file": script, "title": "Devis"})
    assert response.status_code == 400 and Attachment.objects.count() == 0
    assert "son contenu" in response.text
    image = SimpleUploadedFile("photo.pdf", PNG, content_type="application/pdf")
    assert client.post(f"/pactes/{pact.pk}/pieces-jointes/", {"file": image, "title": "Photo"}).status_code == 303
    attachment = Attachment.objects.get()
    assert attachment.content_type == "image/png" and attachment.file.name.endswith(".png")
    served = client_for(None).get(attachment.get_absolute_url())
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    assert b"".join(served.streaming_content) == PNG
    assert (
        client_for(people.resident)
        .post(f"/pactes/{pact.pk}/pieces-jointes/", {"file": SimpleUploadedFile("a.png", PNG), "title": "x"})
        .status_code
        == 403
    )


def test_attachment_of_a_draft_is_private(client_for, people, make_pact):
    pact = make_pact(status=Pact.Status.DRAFT)
    client_for(people.proponent).post(
        f"/pactes/{pact.pk}/pieces-jointes/", {"file": SimpleUploadedFile("a.png", PNG), "title": "Plan"}
    )
    attachment = Attachment.objects.get()
    assert client_for(None).get(attachment.get_absolute_url()).status_code == 404
    assert client_for(people.proponent).get(attachment.get_absolute_url()).status_code == 200


def test_version_rows_are_not_changed_by_any_page(client_for, people, make_pact):
    pact = make_pact(status=Pact.Status.CO_DESIGN)
    before = list(PactVersion.objects.values_list("pk", "content_hash"))
    client_for(people.other_party).post(
        f"/pactes/{pact.pk}/modifier/", _edit_data(pact.versions.get(), clause_1_body="Nouvelle durée")
    )
    assert set(before) <= set(PactVersion.objects.values_list("pk", "content_hash"))


def test_edit_page_shows_dates_in_the_format_date_inputs_read(client_for, people, make_pact):
    # A localised "01/01/2027" would leave the browser's date input empty and erase the date.
    pact = make_pact(status=Pact.Status.CO_DESIGN)
    page = client_for(people.city_agent).get(f"/pactes/{pact.pk}/modifier/").text
    assert 'type="date"' in page and 'value="2027-01-01"' in page and 'value="2027-12-31"' in page


def test_proposal_with_a_photo_of_a_new_commons(client_for, resident, other_resident):
    photo = SimpleUploadedFile("jardin.jpg", PNG, content_type="image/jpeg")
    data = _proposal(new_commons_photo=photo, new_commons_photo_alt="Des carrés potagers au soleil")
    assert client_for(resident).post("/pactes/proposer/", data).status_code == 302
    commons = Commons.objects.get()
    assert commons.photo.name.endswith(".png") and commons.photo_alt == "Des carrés potagers au soleil"
    url = f"/pactes/biens-communs/{commons.pk}/photo/"
    assert client_for(resident).get(url)["Content-Type"] == "image/png"
    assert client_for(other_resident).get(url).status_code == 404  # not checked, no public pact yet


def test_proposal_with_a_photo_without_description_is_refused(client_for, resident):
    photo = SimpleUploadedFile("jardin.png", PNG, content_type="image/png")
    response = client_for(resident).post("/pactes/proposer/", _proposal(new_commons_photo=photo))
    assert response.status_code == 400
    assert "Décrivez la photo" in response.text
    assert Commons.objects.count() == 0


def test_pages_are_available_in_english(client, make_pact):
    pact = make_pact(status=Pact.Status.CONSULTATION)
    client.cookies["vdl_language"] = "en"
    # The choice sends the French address to the English one (docs/i18n.md).
    page = client.get(pact.get_absolute_url(), follow=True).text
    assert "Public consultation" in page and "Log in" in page and "to comment on the clauses" in page
    assert "Objectifs et actions" in page  # the pact's text stays in the city's language


def test_proposals_beyond_the_daily_limit_are_refused(client_for, resident, settings):
    settings.PACT_PROPOSALS_PER_DAY = 1
    client = client_for(resident)
    assert client.post("/pactes/proposer/", _proposal()).status_code == 302
    response = client.post("/pactes/proposer/", _proposal(title="Deuxième"))
    assert response.status_code == 400 and "Réessayez demain" in response.text
    assert Pact.objects.count() == 1


def test_an_uploaded_pdf_is_downloaded_not_displayed(client_for, people, make_pact):
    pact = make_pact(status=Pact.Status.CO_DESIGN)
    pdf = SimpleUploadedFile(
        "plan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", content_type="application/pdf"
    )
    client_for(people.proponent).post(f"/pactes/{pact.pk}/pieces-jointes/", {"file": pdf, "title": "Plan"})
    response = client_for(None).get(Attachment.objects.get().get_absolute_url())
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")


def test_action_with_an_oversize_reason_is_refused_and_changes_nothing(client_for, people, make_pact):
    pact = make_pact(status=Pact.Status.SUBMITTED)
    response = client_for(people.proponent).post(f"/pactes/{pact.pk}/action/withdraw/", {"reason": "x" * 4000})
    assert response.status_code == 400 and "Motif" in response.text
    pact.refresh_from_db()
    assert pact.status == Pact.Status.SUBMITTED and not pact.events.filter(transition="withdraw").exists()


def test_council_reference_must_not_be_empty(client_for, people, make_pact):
    pact = make_pact(status=Pact.Status.CO_DESIGN, type=Pact.Type.COMPLEX)
    client = client_for(people.city_agent)
    assert client.post(f"/pactes/{pact.pk}/deliberation/", {"reference": ""}).status_code == 400
    assert client.post(f"/pactes/{pact.pk}/deliberation/", {"reference": "DCM-2027-12"}).status_code == 303
    pact.refresh_from_db()
    assert pact.council_decision_reference == "DCM-2027-12"
    assert client_for(people.proponent).post(f"/pactes/{pact.pk}/deliberation/", {"reference": "X"}).status_code == 403


@pytest.mark.parametrize("path", ["rejoindre/", "commenter/", "action/withdraw/", "pieces-jointes/", "deliberation/"])
def test_anonymous_posts_are_sent_to_the_login_page_and_change_nothing(client, make_pact, path):
    pact = make_pact(status=Pact.Status.CONSULTATION)
    before = (pact.events.count(), pact.join_requests.count(), Comment.objects.count(), Attachment.objects.count())
    response = client.post(f"/pactes/{pact.pk}/{path}", {"message": "x", "reason": "x", "body": "x", "reference": "x"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    pact.refresh_from_db()
    assert pact.status == Pact.Status.CONSULTATION
    assert before == (
        pact.events.count(),
        pact.join_requests.count(),
        Comment.objects.count(),
        Attachment.objects.count(),
    )


def test_city_agent_links_the_debate_room_of_the_co_design_meetings(client_for, people, make_pact):
    from debates.models import Debate

    room = Debate.objects.create(title="Réunions du jardin des Lilas", slug="reunions-lilas", question="Quand ?")
    hidden = Debate.objects.create(title="Salon discret", slug="salon-discret", question="?", visibility="unlisted")
    pact = make_pact(status=Pact.Status.CO_DESIGN)
    url = f"/pactes/{pact.pk}/debat/"
    assert client_for(people.proponent).post(url, {"debate": room.pk}).status_code == 404
    assert client_for(people.city_agent).get(url).status_code == 200
    assert client_for(people.city_agent).post(url, {"debate": hidden.pk}).status_code == 400
    pact.refresh_from_db()
    assert pact.co_design_debate is None
    assert client_for(people.city_agent).post(url, {"debate": room.pk}).status_code == 302
    page = client_for(None).get(pact.get_absolute_url()).text
    assert "Réunions de co-construction" in page and room.get_absolute_url() in page
    assert client_for(people.city_agent).post(url, {"debate": ""}).status_code == 302
    pact.refresh_from_db()
    assert pact.co_design_debate is None


def test_pact_page_of_a_pact_without_a_version_shows_no_text_and_no_error(make_pact, client):
    """A pact entered without any text (from the Django admin, say) still has a page."""
    pact = make_pact(status=Pact.Status.CONSULTATION)
    pact.versions.all().delete()
    response = client.get(f"/pactes/{pact.pk}/")
    assert response.status_code == 200
    assert 'id="text-title"' not in response.text
