"""The site in both languages in a real browser (1280 px and 375 px): no serious axe-core
violation in French or English on the key pages, the right <html lang>, the language switch
leading to the same page, and the first visit of an English browser."""

import pytest

from tests.e2e.conftest import assert_accessible

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
BOTH_SIZES = pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])


@pytest.fixture(scope="module")
def key_paths(live_url, django_db_blocker):
    """Home, an engagement, a debate, a pact and the register (the register form: sign-up)."""
    from debates.models import Debate
    from pactes.selectors import public_pacts

    with django_db_blocker.unblock():
        debate = Debate.objects.filter(visibility=Debate.Visibility.PUBLIC).order_by("pk").first()
        pact = public_pacts().order_by("pk").first()
        debate_path, pact_path = debate.get_absolute_url(), pact.get_absolute_url()
    return ["/", "/programme/engagement-4/", debate_path, pact_path, "/pactes/", "/accounts/signup/"]


@BOTH_SIZES
@pytest.mark.parametrize("language", ["fr", "en"])
def test_key_pages_are_accessible_in_both_languages(new_page, key_paths, viewport, language):
    page = new_page(locale="fr-FR")
    page.set_viewport_size(viewport)
    prefix = "" if language == "fr" else "/en"
    for path in key_paths:
        response = page.goto(prefix + path)
        assert response.status == 200, prefix + path
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator('link[rel="alternate"][hreflang="x-default"]').count() == 1
        assert_accessible(page)


def test_the_switch_leads_to_the_same_page_in_english_and_back(new_page):
    page = new_page(locale="fr-FR")
    page.goto("/programme/engagement-4/")
    french_title = page.get_by_role("heading", level=1).inner_text()

    page.locator(".language-switch").get_by_role("link", name="English").click()

    assert page.url.endswith("/en/programme/engagement-4/")
    assert page.locator("html").get_attribute("lang") == "en"
    english_title = page.get_by_role("heading", level=1).inner_text()
    assert english_title != french_title and "generations" in english_title
    page.locator(".language-switch").get_by_role("link", name="Français").click()
    assert page.url.endswith("/programme/engagement-4/") and "/en/" not in page.url
    assert page.locator("html").get_attribute("lang") == "fr"


def test_an_english_browser_lands_on_the_english_site_then_keeps_its_choice(new_page):
    page = new_page(locale="en-GB")
    page.goto("/programme/")
    assert page.url.endswith("/en/programme/")

    page.locator(".language-switch").get_by_role("link", name="Français").click()
    assert page.url.endswith("/programme/") and "/en/" not in page.url
    # Typed in the address bar later: the choice (the cookie) wins over the browser's language.
    page.goto("/actualites/")
    assert "/en/" not in page.url and page.locator("html").get_attribute("lang") == "fr"


@BOTH_SIZES
def test_screenshots_of_the_english_site(new_page, key_paths, viewport):
    """Not an assertion on pixels: the pictures are kept in var/screens/ for a person to look at."""
    page = new_page(locale="en-GB")
    page.set_viewport_size(viewport)
    for path in [*key_paths, "/en/mentions-legales/", "/en/programme/"]:
        target = path if path.startswith("/en/") else "/en" + path
        assert page.goto(target).status == 200
        name = target.strip("/").replace("/", "_") or "home"
        page.screenshot(path=f"var/screens/{viewport['width']}-{name}.png", full_page=True)
