"""The pages of those who keep the directory current, and residents' suggestions and reports,
through the test client: forms, errors in place, nothing changed on a refusal."""

import pytest

from offres.models import Offer, OfferEvent, OfferReport

pytestmark = pytest.mark.django_db


def _form(people, **fields):
    data = {
        "title": "Chorale du lundi",
        "kind": "group",
        "summary": "Chanter ensemble.",
        "organisation": str(people.association.pk),
        "recurrence": "weekly",
        "cost": "free",
        "audience": "all",
        "screen_free": "on",
        "starts_at": "2027-03-01T18:30",
        "ends_at": "2027-03-01T20:00",
    }
    return {**data, **fields}


def test_a_representative_publishes_an_offer_from_the_form(client_for, people):
    client = client_for(people.representative)
    assert client.get("/offres/publier/").status_code == 200
    response = client.post("/offres/publier/", _form(people))
    offer = Offer.objects.get()
    assert response.status_code == 302 and response["Location"] == offer.get_absolute_url()
    assert offer.status == Offer.Status.PUBLISHED and offer.screen_free and offer.organisation == people.association


def test_a_forged_organisation_is_refused_in_place(client_for, people):
    client = client_for(people.representative)
    response = client.post("/offres/publier/", _form(people, organisation=str(people.other_association.pk)))
    assert response.status_code == 400
    assert not Offer.objects.exists()


@pytest.mark.parametrize("role", ["anonymous", "resident", "member"])
def test_publishing_pages_are_not_for_residents(client_for, people, role):
    client = client_for(None if role == "anonymous" else getattr(people, role))
    for url in ("/offres/publier/", "/offres/mes-offres/"):
        response = client.get(url)
        assert response.status_code in (302, 404), url
    client.post("/offres/publier/", _form(people))
    assert not Offer.objects.exists()


def test_my_offers_lists_my_organisation_offers_and_the_suggestions_for_agents(client_for, people, make_offer):
    mine = make_offer(title="Mon atelier", organisation=people.association)
    other = make_offer(title="Atelier voisin", organisation=people.other_association)
    suggestion = make_offer(title="Idée d’habitant", status=Offer.Status.SUGGESTED)
    page = client_for(people.representative).get("/offres/mes-offres/").content.decode()
    assert mine.title in page and other.title not in page and suggestion.title not in page
    page = client_for(people.city_agent).get("/offres/mes-offres/").content.decode()
    assert "Suggestions à examiner" in page and "Idée d’habitant" in page and other.title in page


def test_edit_updates_and_confirms(client_for, people, make_offer):
    offer = make_offer(organisation=people.association, status=Offer.Status.TO_VERIFY)
    client = client_for(people.representative)
    assert client.get(f"/offres/{offer.pk}/modifier/").status_code == 200
    response = client.post(f"/offres/{offer.pk}/modifier/", _form(people, title="Chorale (nouvel horaire)"))
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.title == "Chorale (nouvel horaire)" and offer.status == Offer.Status.PUBLISHED


@pytest.mark.parametrize(
    "fields,field,message",
    [
        ({"ends_at": "2027-03-01T17:00"}, "ends_at", "La fin doit suivre le début."),
        ({"latitude": "999", "longitude": "2.35"}, "latitude", "La latitude doit être comprise entre -90 et 90."),
        ({"latitude": "48.85", "longitude": "-999"}, "longitude", "La longitude doit être comprise entre -180 et 180."),
        ({"latitude": "48.85"}, "longitude", "Indiquez aussi la longitude"),
        ({"longitude": "2.35"}, "latitude", "Indiquez aussi la latitude"),
        ({"cost": "price", "price": ""}, "price", "Dites combien cela coûte."),
        ({"contact_phone": "abc"}, "contact_phone", "Écrivez un numéro de téléphone avec des chiffres"),
    ],
)
def test_edit_shows_plain_errors_on_the_field_never_a_constraint_name(
    client_for, people, make_offer, fields, field, message
):
    offer = make_offer(organisation=people.association)
    response = client_for(people.representative).post(f"/offres/{offer.pk}/modifier/", _form(people, **fields))
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    page = response.content.decode()
    assert "offer_coordinates_valid" not in page and "offer_ends_after_it_starts" not in page
    assert Offer.objects.get(pk=offer.pk).title == offer.title and not offer.events.exists()


@pytest.mark.parametrize(
    "fields,field,message",
    [
        ({"cost": "price"}, "price", "Dites combien cela coûte."),
        ({"cost": "solidarity", "price": " "}, "price", "Dites combien cela coûte."),
        ({"contact_phone": "abc"}, "contact_phone", "Écrivez un numéro de téléphone avec des chiffres"),
    ],
)
def test_a_suggestion_needs_a_price_when_it_is_not_free_and_a_real_phone(client_for, people, fields, field, message):
    data = {"title": "Couture", "kind": "group", "summary": "Coudre.", "cost": "free", "audience": "all"}
    response = client_for(people.resident).post("/offres/suggerer/", {**data, **fields})
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert not Offer.objects.exists()


def test_someone_elses_offer_cannot_be_edited(client_for, people, make_offer):
    offer = make_offer(organisation=people.association)
    client = client_for(people.other)
    assert client.get(f"/offres/{offer.pk}/modifier/").status_code == 404
    assert client.post(f"/offres/{offer.pk}/modifier/", _form(people, title="Piraté")).status_code == 404
    assert Offer.objects.get(pk=offer.pk).title == offer.title


def test_a_resident_suggests_then_an_agent_declines_with_a_reason_the_resident_reads(client_for, people):
    client = client_for(people.resident)
    response = client.post(
        "/offres/suggerer/",
        {"title": "Couture", "kind": "group", "summary": "Coudre.", "cost": "free", "audience": "all"},
    )
    offer = Offer.objects.get()
    assert response.status_code == 302 and offer.status == Offer.Status.SUGGESTED
    assert client.get(offer.get_absolute_url()).status_code == 200  # the suggester follows it
    assert client_for(people.other).get(offer.get_absolute_url()).status_code == 404

    agent = client_for(people.city_agent)
    response = agent.post(f"/offres/{offer.pk}/action/reject/", {"reason": ""})
    assert response.status_code == 400 and Offer.objects.get().status == Offer.Status.SUGGESTED
    agent.post(f"/offres/{offer.pk}/action/reject/", {"reason": "Elle existe déjà."})
    assert Offer.objects.get().status == Offer.Status.REJECTED
    page = client_for(people.resident).get(offer.get_absolute_url()).content.decode()
    assert "Elle existe déjà." in page


def test_an_unverified_account_cannot_suggest(client_for, people):
    response = client_for(people.unverified).post("/offres/suggerer/", {"title": "X", "summary": "Y"})
    assert response.status_code == 403 and not Offer.objects.exists()


def test_a_resident_reports_an_outdated_offer_its_managers_see_it(client_for, people, make_offer):
    offer = make_offer(organisation=people.association)
    client = client_for(people.resident)
    assert "Quelque chose n’est plus à jour" in client.get(offer.get_absolute_url()).content.decode()
    response = client.post(f"/offres/{offer.pk}/signaler/", {"reason": "Le jardin a déménagé."})
    assert response.status_code == 302 and OfferReport.objects.filter(offer=offer).count() == 1
    again = client.post(f"/offres/{offer.pk}/signaler/", {"reason": "Encore."})
    assert again.status_code == 400 and OfferReport.objects.count() == 1
    page = client_for(people.representative).get(offer.get_absolute_url()).content.decode()
    assert "Le jardin a déménagé." in page
    # Residents do not read other residents' reports.
    assert "Le jardin a déménagé." not in client_for(people.other).get(offer.get_absolute_url()).content.decode()


def test_a_city_agent_withdraws_an_offer_it_leaves_the_directory_with_a_public_reason(
    client_for, client, people, make_offer
):
    offer = make_offer(title="Offre douteuse", organisation=people.association)
    client_for(people.city_agent).post(f"/offres/{offer.pk}/action/withdraw/", {"reason": "Contenu trompeur."})
    offer.refresh_from_db()
    assert offer.status == Offer.Status.WITHDRAWN
    client.logout()
    assert client.get(offer.get_absolute_url()).status_code == 404
    assert "Offre douteuse" not in client.get("/offres/").content.decode()
    assert OfferEvent.objects.get(offer=offer).reason == "Contenu trompeur."


def test_an_unknown_action_or_a_get_changes_nothing(client_for, people, make_offer):
    offer = make_offer(organisation=people.association)
    client = client_for(people.city_agent)
    assert client.post(f"/offres/{offer.pk}/action/mark_to_verify/").status_code == 404
    assert client.post(f"/offres/{offer.pk}/action/nope/").status_code == 404
    assert client.get(f"/offres/{offer.pk}/action/withdraw/").status_code == 405
    assert Offer.objects.get(pk=offer.pk).status == Offer.Status.PUBLISHED


def test_an_offer_page_costs_the_same_queries_whatever_its_history(
    client_for, people, make_offer, django_assert_max_num_queries
):
    from offres.services import offer_transition, offer_update

    offer = make_offer(organisation=people.association)
    client = client_for(people.representative)
    with django_assert_max_num_queries(30) as few:
        client.get(offer.get_absolute_url())
    for n in range(10):
        offer_update(actor=people.representative, offer=offer, data={"summary": f"Résumé {n}"})
        offer_transition(offer=offer, name="confirm", actor=people.city_agent)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(offer.get_absolute_url())


def test_an_oversized_reason_is_refused_with_its_own_error(client_for, people, make_offer):
    offer = make_offer(organisation=people.association)
    response = client_for(people.city_agent).post(f"/offres/{offer.pk}/action/withdraw/", {"reason": "x" * 2001})
    assert response.status_code == 400 and "trop long" in response.content.decode()
    assert Offer.objects.get(pk=offer.pk).status == Offer.Status.PUBLISHED


def _alert(response) -> str:
    """The text of the notice at the top of the page (``role="alert"``), empty without one."""
    import re

    found = re.search(r'<div class="notice" role="alert"><p>(.*?)</p></div>', response.content.decode(), re.S)
    return found.group(1) if found else ""


def test_an_action_on_another_organisation_offer_is_refused_with_a_visible_error(client_for, people, make_offer):
    offer = make_offer(organisation=people.association)
    response = client_for(people.other).post(f"/offres/{offer.pk}/action/withdraw/", {"reason": "Fermé."})
    assert response.status_code == 403
    assert "Vous n’avez pas le droit de faire cela." in _alert(response)
    assert Offer.objects.get(pk=offer.pk).status == Offer.Status.PUBLISHED


def test_declining_a_suggestion_twice_says_why_the_second_time(client_for, people, make_offer):
    offer = make_offer(title="Idée", status=Offer.Status.SUGGESTED)
    agent = client_for(people.city_agent)
    assert agent.post(f"/offres/{offer.pk}/action/reject/", {"reason": "Doublon."}).status_code == 302
    again = agent.post(f"/offres/{offer.pk}/action/reject/", {"reason": "Doublon."})
    assert again.status_code == 400
    assert "Cette action n’est pas possible tant que l’offre est « Non retenue »." in _alert(again)
    assert OfferEvent.objects.filter(offer=offer, transition="reject").count() == 1


def test_a_reason_left_empty_is_said_at_the_top_of_the_page(client_for, people, make_offer):
    offer = make_offer(organisation=people.association)
    response = client_for(people.representative).post(f"/offres/{offer.pk}/action/withdraw/", {"reason": ""})
    assert response.status_code == 400 and "Donnez un motif" in _alert(response)


def test_an_unverified_resident_is_told_to_confirm_their_address_to_report(client_for, people, make_offer):
    offer = make_offer(organisation=people.association)
    client = client_for(people.unverified)
    page = client.get(offer.get_absolute_url()).content.decode()
    assert "confirmez d’abord votre adresse e-mail" in page and f"/offres/{offer.pk}/signaler/" not in page
    response = client.post(f"/offres/{offer.pk}/signaler/", {"reason": "Le jardin a déménagé."})
    assert response.status_code == 403
    assert "Confirmez votre adresse e-mail" in _alert(response)
    assert not OfferReport.objects.exists()


def test_a_resident_who_reported_reads_so_instead_of_the_form(client_for, people, make_offer):
    offer = make_offer(organisation=people.association)
    client = client_for(people.resident)
    client.post(f"/offres/{offer.pk}/signaler/", {"reason": "Le jardin a déménagé."})
    page = client.get(offer.get_absolute_url()).content.decode()
    assert "Vous avez signalé cette offre" in page and f"/offres/{offer.pk}/signaler/" not in page
    # Another resident still has the form.
    other = client_for(people.other).get(offer.get_absolute_url()).content.decode()
    assert f"/offres/{offer.pk}/signaler/" in other and "Vous avez signalé cette offre" not in other


def test_the_history_reads_confirmations_and_updates_never_published_to_published(client_for, people, make_offer):
    offer = make_offer(organisation=people.association)
    client = client_for(people.representative)
    client.post(f"/offres/{offer.pk}/modifier/", _form(people, title="Chorale (nouvel horaire)"))
    client.post(f"/offres/{offer.pk}/action/confirm/")
    history = client.get(offer.get_absolute_url()).content.decode().split('id="history-title"')[1]
    assert "Publiée → Publiée" not in history
    assert "Mise à jour" in history and "Confirmée comme à jour" in history
