"""The referral pages: what each role sees, and query counts that stay the same as data grows."""

import pytest

from orientation import services
from orientation.models import ReferralOffer


def _refer_many(connector, offer, n):
    for i in range(n):
        services.referral_create(
            actor=connector, offer_ids=[offer.pk], first_name=f"Personne {chr(65 + i)}", contact="", consent_given=True
        )


@pytest.mark.parametrize("n", [1, 8])
def test_the_connectors_hub_costs_the_same_whatever_the_number(
    client_for, connector, offer, n, django_assert_max_num_queries
):
    _refer_many(connector, offer, n)
    client = client_for(connector)
    with django_assert_max_num_queries(16):
        response = client.get("/orientation/")
    assert response.content.decode().count('href="/orientation/') >= n


@pytest.mark.parametrize("n", [1, 8])
def test_the_teams_hub_costs_the_same_whatever_the_number(
    client_for, connector, team_member, offer, n, django_assert_max_num_queries
):
    _refer_many(connector, offer, n)
    client = client_for(team_member)
    with django_assert_max_num_queries(14):
        response = client.get("/orientation/")
    assert response.content.decode().count("/orientation/offres/") == n


@pytest.mark.parametrize("n", [1, 8])
def test_the_referral_form_costs_the_same_whatever_the_offers(
    client_for, connector, make_offer, association, n, django_assert_max_num_queries
):
    for i in range(n):
        make_offer(title=f"Offre {i}", organisation=association)
    client = client_for(connector)
    with django_assert_max_num_queries(10):
        response = client.get("/orientation/nouvelle/")
    assert response.status_code == 200


def test_the_team_sees_only_its_offers_referrals(
    client_for, connector, make_user, make_organisation, make_offer, offer
):
    other_rep = make_user()
    other_offer = make_offer(title="Club de lecture", organisation=make_organisation(representatives=[other_rep]))
    services.referral_create(
        actor=connector, offer_ids=[offer.pk, other_offer.pk], first_name="Josiane", contact="", consent_given=True
    )
    body = client_for(other_rep).get("/orientation/").content.decode()
    assert "Club de lecture" in body and "Jardinage collectif du samedi" not in body
    mine = ReferralOffer.objects.get(offer=offer)
    assert client_for(other_rep).get(f"/orientation/offres/{mine.pk}/").status_code == 404


def test_a_resident_sees_only_the_companion_offer(client_for, resident):
    body = client_for(resident).get("/orientation/").content.decode()
    assert "Devenir binôme bénévole" in body and "Orienter une personne" not in body


def test_the_hub_needs_an_account(client):
    assert client.get("/orientation/").status_code == 302


@pytest.mark.parametrize("n", [1, 5])
def test_the_persons_page_costs_the_same_whatever_the_offers(
    client, connector, make_offer, association, n, django_assert_max_num_queries
):
    offers = [make_offer(title=f"Offre {i}", organisation=association) for i in range(n)]
    _referral, token = services.referral_create(
        actor=connector, offer_ids=[o.pk for o in offers], first_name="Josiane", contact="", consent_given=True
    )
    with django_assert_max_num_queries(6):
        response = client.get(f"/orientation/ma-demarche/{token}/")
    assert response.content.decode().count("/offres/") >= n


@pytest.mark.parametrize("n", [1, 6])
def test_the_referred_offer_page_costs_the_same_whatever_the_companions(
    client_for, make_user, team_member, line, n, django_assert_max_num_queries
):
    for _i in range(n):
        services.binome_volunteer(actor=make_user())
    client = client_for(team_member)
    with django_assert_max_num_queries(12):
        response = client.get(f"/orientation/offres/{line.pk}/")
    assert response.status_code == 200


@pytest.mark.parametrize("n", [1, 4])
def test_the_connectors_referral_page_costs_the_same(
    client_for, connector, make_offer, association, n, django_assert_max_num_queries
):
    offers = [make_offer(title=f"Offre {i}", organisation=association) for i in range(n)]
    referral, _token = services.referral_create(
        actor=connector, offer_ids=[o.pk for o in offers], first_name="Josiane", contact="", consent_given=True
    )
    client = client_for(connector)
    with django_assert_max_num_queries(14):
        response = client.get(f"/orientation/{referral.pk}/")
    assert response.content.decode().count("/orientation/offres/") >= n


def test_pages_with_first_names_are_never_kept_by_the_browser(client_for, connector, team_member, offer):
    _refer_many(connector, offer, 1)
    line = ReferralOffer.objects.get()

    pages = [
        (connector, "/orientation/"),
        (connector, f"/orientation/{line.referral_id}/"),
        (team_member, f"/orientation/offres/{line.pk}/"),
        (team_member, "/notifications/"),
    ]
    for user, path in pages:
        response = client_for(user).get(path)
        assert response.status_code == 200, path
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"], path
