"""The site-wide layout in a real browser: small screens, zoom, keyboard, allauth pages."""

from tests.e2e.conftest import assert_accessible, login

PAGES = ["/", "/accounts/login/", "/accounts/signup/", "/programme/"]


def _overflows(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth + 1")


def test_pages_fit_a_320_pixel_wide_screen_without_horizontal_scrolling(new_page):
    page = new_page()
    page.set_viewport_size({"width": 320, "height": 640})
    for path in PAGES:
        page.goto(path)
        assert not _overflows(page), f"{path} scrolls sideways at 320 px"


def test_pages_reflow_at_200_percent_zoom(new_page):
    # 200 % zoom of a 1280 px window is the same layout width as 640 CSS pixels at scale 2.
    page = new_page()
    page.set_viewport_size({"width": 640, "height": 400})
    for path in PAGES:
        page.goto(path)
        assert not _overflows(page), f"{path} scrolls sideways at 200 % zoom"


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page):
    page.goto("/accounts/login/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Aller au contenu"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"


def test_the_language_switch_turns_the_site_into_english_and_back(page):
    # The switch is a link to the same page at its English address (docs/i18n.md).
    page.goto("/accounts/login/")
    page.get_by_role("link", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.url.endswith("/en/accounts/login/")
    assert page.get_by_role("link", name="Skip to content").count() == 1
    page.get_by_role("link", name="Français").click()
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.url.endswith("/accounts/login/") and "/en/" not in page.url


def test_account_management_pages_sit_in_the_site_layout_and_are_accessible(page):
    login(page, "habitant@example.org")
    for path in ["/compte/", "/compte/supprimer/", "/accounts/email/", "/accounts/password/change/", "/accounts/2fa/"]:
        page.goto(path)
        assert page.locator("header.site-header").count() == 1, path
        assert page.locator("main#contenu h1").count() == 1, path
        assert_accessible(page)


def test_a_resident_downloads_their_data_from_the_account_page(page):
    login(page, "habitant@example.org")
    page.goto("/compte/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger mes données").click()
    content = download_info.value.path().read_text(encoding="utf-8")
    assert '"email": "habitant@example.org"' in content
