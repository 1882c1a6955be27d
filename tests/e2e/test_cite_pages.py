"""The programme pages in a real browser: accessibility (axe-core) and keyboard navigation."""

import pytest

from tests.e2e.conftest import assert_accessible

PAGES = [
    "/",
    "/programme/",
    "/programme/engagement-4/",
    "/actualites/",
    "/actualites/premier-debat-anime/",
    "/recherche/?q=lien",
    "/charte/",
    "/donnees/",
]


@pytest.mark.parametrize("path", PAGES)
def test_programme_page_has_no_serious_accessibility_violation(page, path):
    response = page.goto(path)

    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", level=1).count() == 1
    assert_accessible(page)


def test_programme_lists_the_ten_engagements_and_an_engagement_shows_its_actions(page):
    page.goto("/programme/")

    items = page.locator(".engagement-list h3 a")
    assert items.count() == 10
    assert items.nth(8).inner_text().startswith("9.")
    items.nth(3).click()

    assert page.url.endswith("/programme/engagement-4/")
    actions = page.locator(".actions > li")
    assert actions.count() >= 2
    assert actions.first.locator(".badge").inner_text() in {"Prévue", "En cours", "Réalisée"}


def test_search_results_lead_to_the_engagement(page):
    page.goto("/")
    page.get_by_label("Rechercher sur le site").fill("intergénérationnels")
    page.get_by_role("button", name="Rechercher").click()

    assert "/recherche/?q=" in page.url
    page.locator(".search-results a", has_text="Renforcer les liens intergénérationnels").click()
    assert page.url.endswith("/programme/engagement-4/")


def tab_to(page, name: str, *, limit: int = 40) -> None:
    """Press Tab until the focused element is the link named ``name``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.textContent.trim()") == name:
            return
    raise AssertionError(f"{name!r} is not reachable with the keyboard")


def test_header_menu_and_breadcrumbs_work_with_the_keyboard(page):
    page.goto("/actualites/premier-debat-anime/")

    tab_to(page, "Programme")
    page.keyboard.press("Enter")
    page.wait_for_url("**/programme/")

    tab_to(page, "Accueil")
    assert page.evaluate("document.activeElement.closest('nav').getAttribute('aria-label')") == "Fil d’Ariane"
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.rstrip("/").count("/") == 2)
    assert page.get_by_role("heading", level=2, name="Les dix engagements").is_visible()


def test_engagement_4_and_the_home_page_list_the_pacts_of_the_pactes_app(page):
    page.goto("/programme/engagement-4/")
    pacts = page.locator("section[aria-labelledby='pacts'] .linked-list a")
    assert pacts.count() >= 2  # the demo's pact in consultation and its active pact
    title = pacts.first.inner_text()

    page.goto("/")
    home_pacts = page.locator("section[aria-labelledby='home-pacts'] .linked-list a")
    assert title in home_pacts.all_inner_texts()
    home_pacts.filter(has_text=title).click()
    assert page.url.rstrip("/").split("/")[-2] == "pactes"
    assert page.get_by_role("heading", level=1).inner_text() == title


def test_engagement_9_and_the_home_page_list_the_open_demo_debate(page):
    page.goto("/programme/engagement-9/")
    debates = page.locator("section[aria-labelledby='debates'] .linked-list a")
    assert debates.count() >= 1
    title = debates.first.inner_text()

    page.goto("/")
    home_debates = page.locator("section[aria-labelledby='home-debates'] .linked-list a")
    assert title in home_debates.all_inner_texts()
    home_debates.filter(has_text=title).click()
    assert "/debats/" in page.url
    assert_accessible(page)


def test_programme_pages_fit_a_320_pixel_wide_screen(new_page):
    page = new_page()
    page.set_viewport_size({"width": 320, "height": 640})
    for path in PAGES:
        page.goto(path)
        overflows = page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth + 1")
        assert not overflows, f"{path} scrolls sideways at 320 px"
