"""The facilitation profile page in a real browser: a facilitator changes a profile with the
keyboard only; no serious accessibility violation."""

import uuid

from tests.e2e.conftest import assert_accessible, login


def test_a_facilitator_edits_a_profile_with_the_keyboard(page, e2e_db):
    from facilitation.models import FacilitationProfile

    slug = f"profil-{uuid.uuid4().hex[:8]}"
    FacilitationProfile.objects.create(name=f"Profil {slug}", slug=slug, rules=[{"rule": "shouting"}])
    login(page, "animation@example.org")

    page.goto(f"/moderation/profils/{slug}/")
    assert_accessible(page)

    shouting = page.get_by_role("group", name="Cris")
    insults = page.get_by_role("group", name="Insultes et injures")
    active = shouting.get_by_label("Active")
    assert active.is_checked()
    active.focus()
    page.keyboard.press("Space")  # switch shouting off
    insults.get_by_label("Active").focus()
    page.keyboard.press("Space")  # switch insults on (a rule the profile did not list yet)
    insults.get_by_label("Grossièretés").focus()
    insults.get_by_label("Grossièretés").select_option("hold")
    page.get_by_role("button", name="Enregistrer le profil").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.get_by_text("Le profil a été enregistré.").is_visible()
    assert not page.get_by_role("group", name="Cris").get_by_label("Active").is_checked()
    assert_accessible(page)
    saved = {step["rule"]: step for step in FacilitationProfile.objects.get(slug=slug).rules}
    assert saved["shouting"]["enabled"] is False
    assert saved["insults"]["enabled"] is True
    assert saved["insults"]["params"]["vulgar"] == "hold"


def test_the_profile_page_shows_errors_accessibly(page, e2e_db):
    from facilitation.models import FacilitationProfile

    slug = f"profil-{uuid.uuid4().hex[:8]}"
    FacilitationProfile.objects.create(name=f"Profil {slug}", slug=slug, rules=[])
    login(page, "animation@example.org")
    page.goto(f"/moderation/profils/{slug}/")

    page.get_by_label("Longueur maximale d’un message (caractères)").fill("0")
    with page.expect_navigation():
        page.get_by_role("button", name="Enregistrer le profil").click()

    assert page.get_by_role("alert").first.is_visible()
    assert_accessible(page)
    assert FacilitationProfile.objects.get(slug=slug).max_length == 2000
