"""allauth's pages and e-mails belong to the site: the e-mails speak with SITE_NAME (not the
request's host), ``next`` survives sign-up and the e-mail confirmation, the buttons are the
site's."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User

pytestmark = pytest.mark.django_db
DEBATE = "/debats/jardins-et-voisins/"


def _sign_up(client, *, email: str, next_url: str | None = None):
    data = {
        "email": email,
        "display_name": "Nour",
        "password1": "un-mot-de-passe-solide",
        "password2": "un-mot-de-passe-solide",
    }
    if next_url:
        data["next"] = next_url
    return client.post(reverse("account_signup"), data, HTTP_HOST="127.0.0.1:8203")


def _confirmation_path(message) -> str:
    link = next(line for line in message.body.splitlines() if "/accounts/confirm-email/" in line)
    return link[link.index("/accounts/confirm-email/") :].strip()


def test_verification_email_greets_with_the_site_name_not_the_host(client):
    _sign_up(client, email="accueil@example.org")
    (message,) = mail.outbox
    greeting = message.body.strip().splitlines()[0]
    assert greeting == f"Bonjour, c'est {settings.SITE_NAME} !"
    assert "127.0.0.1:8203 !" not in message.body
    assert message.subject.startswith(f"[{settings.SITE_NAME}] ")


def test_password_reset_email_greets_with_the_site_name(client, resident):
    client.post(reverse("account_reset_password"), {"email": resident.email}, HTTP_HOST="127.0.0.1:8203")
    (message,) = mail.outbox
    assert message.body.strip().splitlines()[0] == f"Bonjour, c'est {settings.SITE_NAME} !"


def test_next_survives_sign_up_and_email_confirmation(client):
    page = client.get(f"{reverse('account_signup')}?next={DEBATE}")
    assert f'name="next" value="{DEBATE}"' in page.content.decode()
    response = _sign_up(client, email="retour@example.org", next_url=DEBATE)
    assert response.status_code == 302 and response["Location"] == DEBATE

    # The link is opened later, in another browser: the page to return to travels in the link.
    path = _confirmation_path(mail.outbox[0])
    assert path.endswith("?next=%2Fdebats%2Fjardins-et-voisins%2F")
    other_browser = Client()
    confirm_page = other_browser.get(path)
    assert f'name="next" value="{DEBATE}"' in confirm_page.content.decode()
    key_path = path.split("?")[0]
    response = other_browser.post(key_path, {"next": DEBATE})
    assert response.status_code == 302 and response["Location"] == DEBATE
    assert User.objects.get(email="retour@example.org").emailaddress_set.get().verified


def test_next_to_another_site_is_dropped_from_the_confirmation_link(client):
    response = _sign_up(client, email="ailleurs@example.org", next_url="https://evil.example/")
    assert response["Location"] != "https://evil.example/"
    assert "next=" not in _confirmation_path(mail.outbox[0])


def test_allauth_buttons_are_the_sites_buttons(client, resident):
    for url in [reverse("account_signup"), reverse("account_login"), reverse("account_reset_password")]:
        html = client.get(url).content.decode()
        assert re.search(r'<button class="button"\s+type="submit"', html), url
    _sign_up(client, email="bouton@example.org")
    html = Client().get(_confirmation_path(mail.outbox[0])).content.decode()
    assert re.search(r'<button class="button"\s+type="submit"', html)
    client.force_login(resident)
    html = client.get(reverse("account_email")).content.decode()
    assert 'class="button button--danger"' in html and 'class="button button--secondary"' in html
