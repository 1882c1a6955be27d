import json

import pytest
from django.urls import reverse

from accounts.models import Membership, User
from accounts.predicates import can_take_part, has_verified_email

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url_name", ["accounts:profile", "accounts:export", "accounts:delete"])
def test_account_pages_redirect_an_anonymous_visitor_to_login(client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_profile_update_keeps_age_band_only_with_consent(client_for, resident):
    client = client_for(resident)
    response = client.post(
        reverse("accounts:profile"),
        {"display_name": "Dom", "preferred_language": "en", "age_band": "60_74"},
    )
    assert response.status_code == 400
    resident.refresh_from_db()
    assert resident.age_band == "" and resident.display_name == "Dominique"

    response = client.post(
        reverse("accounts:profile"),
        {"display_name": "Dom", "preferred_language": "en", "age_band": "60_74", "age_band_consent": "on"},
    )
    assert response.status_code == 302
    resident.refresh_from_db()
    assert (resident.display_name, resident.preferred_language, resident.age_band) == ("Dom", "en", "60_74")
    assert resident.age_band_consent_at is not None


def test_profile_update_refuses_an_empty_display_name(client_for, resident):
    response = client_for(resident).post(
        reverse("accounts:profile"), {"display_name": "  ", "preferred_language": "fr"}
    )
    assert response.status_code == 400
    resident.refresh_from_db()
    assert resident.display_name == "Dominique"


def test_unverified_account_cannot_take_part(resident, unverified):
    assert can_take_part(resident)
    assert not has_verified_email(unverified)
    assert not can_take_part(unverified)


def test_export_contains_my_data_and_nobody_elses(client_for, resident, other_resident, make_organisation):
    make_organisation(name="Association A", members=[resident])
    make_organisation(name="Association B", members=[other_resident])
    response = client_for(resident).get(reverse("accounts:export"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == resident.email
    assert data["account"]["display_name"] == "Dominique"
    assert [m["organisation"] for m in data["memberships"]] == ["Association A"]
    text = response.content.decode()
    assert other_resident.email not in text and "Alix" not in text and "Association B" not in text


def test_delete_needs_the_password(client_for, resident):
    response = client_for(resident).post(reverse("accounts:delete"), {"password": "faux", "confirm": "on"})
    assert response.status_code == 400
    resident.refresh_from_db()
    assert resident.is_active and resident.deleted_at is None


def test_delete_erases_personal_data_and_shows_deleted_participant(client_for, resident, make_organisation):
    make_organisation(members=[resident])
    email = resident.email
    client = client_for(resident)
    response = client.post(reverse("accounts:delete"), {"password": "un-mot-de-passe-solide", "confirm": "on"})
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.deleted_at is not None and not resident.is_active
    assert resident.email != email and resident.display_name == ""
    assert not resident.has_usable_password()
    assert not Membership.objects.filter(user=resident).exists()
    assert resident.public_name == "participant supprimé"
    assert not User.objects.filter(email=email).exists()
    # The session is over: the account page asks to log in again.
    assert client.get(reverse("accounts:profile")).status_code == 302
