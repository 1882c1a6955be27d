"""Referring a person: with consent and the least data, to listed offers; every bad input refused
with a clear error and nothing recorded."""

import pytest
from django.core import mail

from core.errors import InvalidInput
from notifications.models import Notification, OutgoingEmail
from offres.models import Offer
from orientation import services
from orientation.models import FollowUp, Referral, ReferralOffer


def test_a_connector_refers_someone_with_consent(client_for, connector, offer, team_member):
    client = client_for(connector)
    page = client.get(f"/orientation/nouvelle/?offre={offer.pk}")
    assert page.status_code == 200
    body = page.content.decode()
    assert "Lisez ce texte à la personne" in body and "CCAS" in body
    response = client.post(
        "/orientation/nouvelle/",
        {"first_name": "Josiane", "contact": "josiane@example.net", "offers": [offer.pk], "consent": "on"},
    )
    referral = Referral.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/orientation/{referral.pk}/lien/"
    assert (referral.first_name, referral.contact, referral.connector) == ("Josiane", "josiane@example.net", connector)
    assert "CCAS" in referral.consent_text and referral.consented_at
    assert referral.token_hash and len(referral.token_hash) == 64
    # Two follow-ups scheduled, at 1 and 3 months.
    assert sorted(FollowUp.objects.values_list("months", flat=True)) == [1, 3]
    # The link is shown once.
    link_page = client.get(f"/orientation/{referral.pk}/lien/").content.decode()
    assert "/orientation/ma-demarche/" in link_page
    assert "QR code du lien personnel" in link_page  # the QR code, drawn here
    again = client.get(f"/orientation/{referral.pk}/lien/").content.decode()
    assert "/orientation/ma-demarche/" not in again and "Faire un nouveau lien" in again


def test_the_offers_team_is_told_without_the_persons_data(refer, team_member, connector):
    refer(first_name="Josiane", contact="josiane@example.net")
    notification = Notification.objects.get(kind="referral_received")
    assert notification.recipient == team_member
    email = OutgoingEmail.objects.get(recipient=team_member)
    text = email.subject + email.body
    assert "Jardinage collectif du samedi" in text
    assert "Josiane" not in text and "josiane@example.net" not in text
    assert f"/orientation/offres/{ReferralOffer.objects.get().pk}/" in text
    # The connector is not told of their own deed.
    assert not Notification.objects.filter(recipient=connector).exists()
    assert not mail.outbox or all("Josiane" not in m.body for m in mail.outbox)


def test_city_agents_who_do_not_run_the_offer_are_not_told(refer, city_agent):
    refer()
    assert not Notification.objects.filter(recipient=city_agent).exists()


def test_several_offers_at_once(refer, offer, make_offer, association):
    second = make_offer(title="Marche douce du jeudi", organisation=association)
    referral, _token = refer(offers=[offer, second])
    assert referral.lines.count() == 2 and FollowUp.objects.count() == 4


def _post(client, offer, **overrides):
    data = {"first_name": "Josiane", "contact": "", "offers": [offer.pk], "consent": "on", **overrides}
    return client.post("/orientation/nouvelle/", {k: v for k, v in data.items() if v is not None})


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"consent": None}, "La personne doit donner son accord"),
        ({"first_name": ""}, "Champ requis"),
        ({"first_name": "J" * 41}, "au plus 40 caractères"),
        ({"first_name": "Josiane 0612345678"}, "Mettez l’e-mail ou le numéro"),
        ({"contact": "pas un contact"}, "Donnez une adresse e-mail ou un numéro"),
        ({"contact": "a@"}, "Cette adresse e-mail n’est pas valide"),
        ({"contact": "0" * 121}, "au plus 120 caractères"),
        ({"offers": None}, "Choisissez au moins une activité"),
        ({"offers": ["999999"]}, "pas dans l’annuaire"),
        ({"offers": ["abc"]}, "pas dans l’annuaire"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_recorded(client_for, connector, offer, overrides, message):
    response = _post(client_for(connector), offer, **overrides)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Referral.objects.exists() and not Notification.objects.exists()


@pytest.mark.parametrize("status", [Offer.Status.SUGGESTED, Offer.Status.WITHDRAWN, Offer.Status.REJECTED])
def test_an_offer_not_listed_is_refused(client_for, connector, make_offer, association, status):
    hidden = make_offer(title="Pas listée", status=status, organisation=association)
    response = _post(client_for(connector), hidden)
    assert response.status_code == 400 and not Referral.objects.exists()
    with pytest.raises(InvalidInput) as error:
        services.referral_create(actor=connector, offer_ids=[hidden.pk], first_name="A", contact="", consent_given=True)
    assert error.value.code == "OFFER_NOT_LISTED"


@pytest.mark.parametrize(
    ("arguments", "code"),
    [
        ({"consent_given": False}, "NO_CONSENT"),
        ({"consent_given": "yes"}, "NO_CONSENT"),
        ({"first_name": None}, "FIRST_NAME_REQUIRED"),
        ({"first_name": "   "}, "FIRST_NAME_REQUIRED"),
        ({"first_name": "Jo\x00siane"}, "FIRST_NAME_TOO_LONG"),
        ({"first_name": "jo@example.net"}, "FIRST_NAME_CONTACT"),
        ({"contact": 612345678}, "BAD_CONTACT"),
        ({"offer_ids": []}, "NO_OFFER"),
        ({"offer_ids": ["x"]}, "BAD_OFFER"),
        ({"offer_ids": [None]}, "BAD_OFFER"),
    ],
)
def test_the_service_refuses_bad_input(connector, offer, arguments, code):
    kwargs = {"offer_ids": [offer.pk], "first_name": "Josiane", "contact": "", "consent_given": True, **arguments}
    with pytest.raises(InvalidInput) as error:
        services.referral_create(actor=connector, **kwargs)
    assert error.value.code == code
    assert not Referral.objects.exists()


def test_too_many_offers_at_once(connector, make_offer, association):
    offers = [make_offer(title=f"Offre {n}", organisation=association) for n in range(6)]
    with pytest.raises(InvalidInput) as error:
        services.referral_create(
            actor=connector, offer_ids=[o.pk for o in offers], first_name="A", contact="", consent_given=True
        )
    assert error.value.code == "TOO_MANY_OFFERS"


def test_a_phone_and_an_email_are_accepted(refer):
    assert refer(contact="+33 6 12 34 56 78")[0].contact == "+33 6 12 34 56 78"
    assert refer(first_name="Karim", contact="karim@example.net")[0].contact == "karim@example.net"
    assert refer(first_name="Lou", contact="")[0].contact == ""


def test_the_form_has_no_free_text_reason(client_for, connector):
    body = client_for(connector).get("/orientation/nouvelle/").content.decode()
    assert "<textarea" not in body


def test_an_empty_form_says_every_error_at_once_announced_and_linked(client_for, connector, offer):
    response = client_for(connector).post("/orientation/nouvelle/", {"first_name": "", "contact": ""})
    body = response.content.decode()

    assert response.status_code == 400
    summary = body.split('<div class="form-errors" role="alert">')[1].split("</div>")[0]
    assert 'href="#id_first_name"' in summary and 'href="#id_offers_0"' in summary
    assert "La personne doit donner son accord" in summary
    assert '<fieldset class="choices" aria-describedby="id_offers_error">' in body
    assert not Referral.objects.exists()
