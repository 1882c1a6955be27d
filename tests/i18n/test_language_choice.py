"""Which language a person gets: the address decides; on a French address reached from
elsewhere, the first visit follows Accept-Language once, then the person's choice (profile when
logged in, else the cookie) wins. Forms and their redirects keep the /en/ prefix."""

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9,fr;q=0.5"}


def test_first_visit_with_an_english_browser_goes_to_the_english_page(home, client):
    response = client.get("/debats/?page=2", **ENGLISH_BROWSER)

    assert response.status_code == 302 and response["Location"] == "/en/debats/?page=2"
    assert response.cookies["vdl_language"].value == "en"
    assert "Accept-Language" in response["Vary"]


def test_a_french_browser_stays_at_the_root_and_its_choice_is_recorded(home, client):
    response = client.get("/debats/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")

    assert response.status_code == 200 and '<html lang="fr">' in response.content.decode()
    assert response.cookies["vdl_language"].value == "fr"


def test_the_cookie_choice_wins_over_the_browser(home, client):
    client.cookies["vdl_language"] = "fr"

    response = client.get("/debats/", **ENGLISH_BROWSER)

    assert response.status_code == 200 and '<html lang="fr">' in response.content.decode()


def test_an_english_choice_sends_a_shared_french_link_to_english(home, client):
    client.cookies["vdl_language"] = "en"

    assert client.get("/pactes/")["Location"] == "/en/pactes/"


def test_the_profile_language_wins_over_cookie_and_browser(home, client_for, resident):
    resident.preferred_language = "en"
    resident.save()
    client = client_for(resident)
    client.cookies["vdl_language"] = "fr"

    response = client.get("/compte/", HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 302 and response["Location"] == "/en/compte/"
    assert "My account" in client.get("/en/compte/").content.decode()


def test_a_french_profile_keeps_an_english_browser_in_french(home, client_for, resident):
    resident.preferred_language = "fr"
    resident.save()

    response = client_for(resident).get("/compte/", **ENGLISH_BROWSER)

    assert response.status_code == 200 and "Mon compte" in response.content.decode()


def test_the_switch_to_french_is_followed_and_remembered(home, client):
    client.get("/en/debats/")  # first visit: English
    assert client.cookies["vdl_language"].value == "en"

    # The switch's link to the French page, followed from the English page.
    response = client.get("/debats/", HTTP_REFERER="http://testserver/en/debats/", **ENGLISH_BROWSER)

    assert response.status_code == 200 and '<html lang="fr">' in response.content.decode()
    assert response.cookies["vdl_language"].value == "fr"
    # From then on a French address reached from elsewhere stays French.
    assert client.get("/pactes/", **ENGLISH_BROWSER).status_code == 200


def test_a_logged_in_persons_switch_becomes_their_profiles_language(home, client_for, resident):
    resident.preferred_language = "fr"
    resident.save()
    client = client_for(resident)
    assert client.get("/debats/").status_code == 200

    # The switch's link to the English page, followed from the French page.
    response = client.get("/en/debats/", HTTP_REFERER="http://testserver/debats/")
    resident.refresh_from_db()

    assert response.status_code == 200 and resident.preferred_language == "en"
    # On another device (no cookie), a French address leads to English; the profile says English.
    elsewhere = Client()
    elsewhere.force_login(resident)
    assert elsewhere.get("/offres/")["Location"] == "/en/offres/"
    assert 'value="en" selected' in elsewhere.get("/en/compte/").content.decode()
    # The switch back to French; then an English link followed from outside changes nothing.
    client.get("/debats/", HTTP_REFERER="http://testserver/en/debats/")
    resident.refresh_from_db()
    assert resident.preferred_language == "fr"
    assert client.get("/en/pactes/").status_code == 200
    resident.refresh_from_db()
    assert resident.preferred_language == "fr"


def test_saving_the_profile_in_english_stays_in_english(home, client_for, resident):
    resident.preferred_language = "en"
    resident.save()
    client = client_for(resident)

    response = client.post(
        "/en/compte/", {"display_name": resident.display_name, "preferred_language": "en"}, follow=True
    )

    assert response.redirect_chain[-1][0] == "/en/compte/"
    assert "Your profile has been saved." in response.content.decode()
    response = client.post(
        "/en/compte/", {"display_name": resident.display_name, "preferred_language": "fr"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/compte/"
    assert "Votre profil est enregistré." in response.content.decode()


def test_an_english_address_is_english_whatever_the_choice(home, client):
    client.cookies["vdl_language"] = "fr"

    response = client.get("/en/debats/", HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 200 and '<html lang="en">' in response.content.decode()
    # A shared link read once does not change the recorded choice.
    assert "vdl_language" not in response.cookies


def test_machine_read_files_and_outside_paths_are_never_redirected(home, client):
    for path in ["/healthz", "/robots.txt", "/sitemap.xml", "/api/v2/pages/", "/debats/agenda.ics"]:
        assert client.get(path, **ENGLISH_BROWSER).status_code == 200, path


def test_posts_are_never_redirected(home, client):
    client.cookies["vdl_language"] = "en"

    response = client.post("/debats/")

    assert response.status_code == 405  # the view's own answer, not a redirect to /en/


def test_a_form_under_en_passes_csrf_and_its_redirect_keeps_the_prefix(home, resident):
    client = Client(enforce_csrf_checks=True)
    client.force_login(resident)
    form = client.get("/en/compte/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)

    response = client.post(
        "/en/compte/",
        {"csrfmiddlewaretoken": token, "display_name": "Dominique B.", "preferred_language": "en"},
    )

    assert response.status_code == 302 and response["Location"].startswith("/en/compte/")
    resident.refresh_from_db()
    assert resident.display_name == "Dominique B."


def test_the_old_switch_endpoint_redirects_to_the_translated_address(home, client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/debats/"})

    assert response.status_code == 302 and response["Location"] == "/en/debats/"
    assert response.cookies["vdl_language"].value == "en"


def test_logging_in_leads_to_the_page_in_the_accounts_language(home, resident):
    from tests.conftest import PASSWORD

    resident.preferred_language = "en"
    resident.save()
    client = Client()

    response = client.post(
        "/accounts/login/?next=/compte/", {"login": resident.email, "password": PASSWORD}, HTTP_ACCEPT_LANGUAGE="fr"
    )

    assert response.status_code == 302 and response["Location"] == "/en/compte/"


def test_a_language_the_site_does_not_speak_is_refused_and_changes_nothing(resident):
    from accounts.services import language_choose
    from core.errors import InvalidInput

    with pytest.raises(InvalidInput):
        language_choose(user=resident, language="de")
    resident.refresh_from_db()
    assert resident.preferred_language == "fr"
