"""Sign-up, verification, log-in rate limits, second factor and language, through allauth's views."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core import mail
from django.urls import reverse

from accounts.models import User
from accounts.predicates import can_take_part
from accounts.roles import Role

pytestmark = pytest.mark.django_db


def test_signup_asks_only_email_display_name_and_password_and_sends_a_verification(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "nouvelle@example.org",
            "display_name": "Nour",
            "password1": "un-mot-de-passe-solide",
            "password2": "un-mot-de-passe-solide",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="nouvelle@example.org")
    assert user.display_name == "Nour" and user.first_name == "" and user.last_name == ""
    assert user.preferred_language == "fr"
    assert not can_take_part(user)
    assert len(mail.outbox) == 1 and "nouvelle@example.org" in mail.outbox[0].to

    # Following the link in the e-mail confirms the address: the account may then take part.
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/confirm-email/" in line)
    key_path = link[link.index("/accounts/confirm-email/") :].strip()
    client.post(key_path)
    assert EmailAddress.objects.get(user=user).verified
    assert can_take_part(User.objects.get(pk=user.pk))


def test_signup_without_display_name_is_refused(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "sans-nom@example.org", "password1": "un-mot-de-passe-solide", "password2": "un-mot-de-passe-solide"},
    )
    assert response.status_code == 200
    assert "display_name" in response.context["form"].errors
    assert not User.objects.filter(email="sans-nom@example.org").exists()


def test_login_is_rate_limited_after_repeated_failures(client, resident, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "3/m/key"}
    for _ in range(3):
        response = client.post(reverse("account_login"), {"login": resident.email, "password": "mauvais"})
        assert response.status_code == 200
    response = client.post(reverse("account_login"), {"login": resident.email, "password": "un-mot-de-passe-solide"})
    # Even the right password is refused while the limit holds.
    assert "_auth_user_id" not in client.session
    assert response.status_code in {200, 429}


def test_signup_is_rate_limited(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {"signup": "2/m/ip"}
    statuses = []
    for n in range(3):
        response = client.post(
            reverse("account_signup"),
            {
                "email": f"flot{n}@example.org",
                "display_name": f"Flot {n}",
                "password1": "un-mot-de-passe-solide",
                "password2": "un-mot-de-passe-solide",
            },
        )
        statuses.append(response.status_code)
        client.logout()
    assert statuses[:2] == [302, 302]
    assert statuses[2] == 429
    assert not User.objects.filter(email="flot2@example.org").exists()


def test_staff_without_second_factor_are_sent_to_set_it_up_when_the_setting_requires_it(
    client_for, make_user, settings
):
    settings.MFA_REQUIRED_FOR_STAFF = True
    agent = make_user(roles=[Role.CITY_AGENT])
    response = client_for(agent).get(reverse("accounts:profile"))
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")


def test_residents_are_not_asked_for_a_second_factor(client_for, resident, settings):
    settings.MFA_REQUIRED_FOR_STAFF = True
    assert client_for(resident).get(reverse("accounts:profile")).status_code == 200


def test_staff_with_a_totp_authenticator_pass(client_for, make_user, settings):
    settings.MFA_REQUIRED_FOR_STAFF = True
    facilitator = make_user(roles=[Role.FACILITATOR])
    Authenticator.objects.create(user=facilitator, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})
    assert client_for(facilitator).get(reverse("accounts:profile")).status_code == 200


def test_staff_are_free_when_the_setting_is_off(client_for, make_user, settings):
    settings.MFA_REQUIRED_FOR_STAFF = False
    agent = make_user(roles=[Role.CITY_AGENT])
    assert client_for(agent).get(reverse("accounts:profile")).status_code == 200


def test_pages_are_french_by_default_and_english_on_request(client):
    page = client.get(reverse("account_login"))
    assert '<html lang="fr">' in page.content.decode() and "Aller au contenu" in page.content.decode()
    # English has its own address (docs/i18n.md); the old switch form leads there.
    switched = client.post(reverse("set_language"), {"language": "en", "next": "/accounts/login/"})
    assert switched["Location"] == "/en/accounts/login/"
    page = client.get(switched["Location"])
    assert '<html lang="en">' in page.content.decode() and "Skip to content" in page.content.decode()


def test_a_user_sees_the_site_in_the_language_of_the_profile(client_for, resident):
    resident.preferred_language = "en"
    resident.save()
    page = client_for(resident).get("/compte/", follow=True)
    assert page.redirect_chain == [("/en/compte/", 302)]
    assert "My account" in page.content.decode()


def test_an_english_browser_gets_english_on_its_first_visit_only(client):
    # The first visit follows the browser once (docs/i18n.md)...
    page = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert page["Location"] == "/en/accounts/login/"
    # ... then the visitor's choice wins.
    client.cookies["vdl_language"] = "fr"
    page = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="fr">' in page.content.decode()
