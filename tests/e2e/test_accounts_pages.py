"""The account pages in a real browser: logging in with the demo account, accessibility."""

from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, login


def test_a_resident_logs_in_with_the_demo_password_and_reaches_the_account_page(page):
    login(page, "habitant@example.org")
    page.goto("/compte/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mon compte"
    assert page.get_by_label("Nom affiché").input_value() == "Dominique"
    assert_accessible(page)


def test_home_login_and_signup_pages_have_no_serious_accessibility_violation(page):
    for path in ["/", "/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]:
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == "fr"
        assert_accessible(page)


def test_allauth_buttons_are_drawn_like_the_sites_buttons(page):
    page.goto("/pactes/")
    site = page.locator("main .button").first
    expect(site).to_be_visible()
    look = "el => { const s = getComputedStyle(el); return [s.backgroundColor, s.color, s.borderRadius, s.minHeight]; }"
    site_look = site.evaluate(look)
    for path in ["/accounts/signup/", "/accounts/login/", "/accounts/password/reset/"]:
        page.goto(path)
        button = page.locator("main form button[type=submit]").first
        assert button.evaluate(look) == site_look, path
        assert button.bounding_box()["height"] >= 44
