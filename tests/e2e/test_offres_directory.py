"""A resident finds a free activity without screens near them, in a real browser at desktop
(1280 px) and phone (375 px) widths: the filters without JavaScript and with the keyboard, the
offer page with when it was last confirmed, its calendar file with a weekly rule, and the map
when scripts run. axe-core audits the directory and the offer page. Screenshots go to
var/screenshots/."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ROOT, assert_accessible, login

SHOTS = ROOT / "var" / "screenshots"
SIZES = pytest.mark.parametrize("width,height", [(1280, 900), (375, 812)], ids=["1280", "375"])
GARDENING = "Jardinage collectif du samedi"


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def _audit(new_page, page, name: str) -> None:
    """axe-core needs scripts: audit the same address, at the same size, in a page that runs them."""
    checked = new_page()
    checked.set_viewport_size(page.viewport_size)
    checked.goto(page.url)
    assert_accessible(checked)
    _shot(page, name)


@SIZES
def test_resident_finds_a_free_activity_without_screens_near_them(new_page, width, height):
    page = new_page(javascript=False)
    page.set_viewport_size({"width": width, "height": height})
    page.goto("/")
    page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Offres près de chez vous").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Offres qui font lien")

    # The filters, with the keyboard: a neighbourhood, free of charge, without screens.
    search = page.get_by_role("search", name="Chercher dans les offres")
    search.get_by_label("Quartier").select_option("Quartier des Fleurs")
    search.get_by_label("Coût").select_option("gratuit")
    screens = search.get_by_label("Sans écran")
    screens.focus()
    page.keyboard.press("Space")
    expect(screens).to_be_checked()
    search.get_by_role("button", name="Rechercher").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "sans_ecran=on" in page.url and "cout=gratuit" in page.url

    cards = page.locator(".register-list > li")
    expect(cards.first).to_be_visible()
    for index in range(cards.count()):
        card = cards.nth(index)
        expect(card).to_contain_text("Gratuit")
        expect(card).to_contain_text("Sans écran")
        expect(card).to_contain_text("Quartier des Fleurs")
    expect(page.get_by_role("link", name=GARDENING)).to_be_visible()
    _audit(new_page, page, f"offres-directory-{width}")

    page.get_by_role("link", name=GARDENING).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(GARDENING)
    facts = page.locator(".offer-facts")
    expect(facts).to_contain_text("Dernière confirmation")
    expect(facts).to_contain_text("Quelqu’un peut vous accompagner la première fois")
    expect(page.locator(".offer-badges")).to_contain_text("Sans écran")
    _audit(new_page, page, f"offres-offer-{width}")

    with page.expect_download() as download:
        page.get_by_role("link", name="Ajouter à mon calendrier (.ics)").click()
    body = Path(download.value.path()).read_text(encoding="utf-8")
    assert "BEGIN:VEVENT" in body and f"SUMMARY:{GARDENING}" in body
    assert "RRULE:FREQ=WEEKLY;BYDAY=SA" in body


def test_the_map_shows_the_offers_found_when_scripts_run(new_page):
    page = new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/offres/?sans_ecran=1&cout=gratuit")
    canvas = page.locator("#offer-map")
    expect(canvas).to_have_attribute("data-markers", re.compile(r"^[1-9]\d*$"))
    listed = page.locator(".register-list > li").count()
    assert int(canvas.get_attribute("data-markers")) <= listed
    assert_accessible(page)
    _shot(page, "offres-map-1280")


@SIZES
def test_an_agent_confirms_an_offer_to_verify_and_an_association_publishes_one(new_page, e2e_db, width, height):
    """The demo « Soirée jeux de société » was reported outdated by two residents: the city agent
    finds it in « Mes offres », reads the reports and confirms it. The demo association publishes
    an offer from the form (the pages audited by axe-core)."""
    import uuid

    from accounts.demo import demo_user
    from offres.models import Offer
    from offres.services import offer_report

    token = uuid.uuid4().hex[:6]
    reported = Offer.objects.get(title="Soirée jeux de société")
    if reported.status != Offer.Status.TO_VERIFY:  # confirmed by the other width's run: report it again
        for email in ("habitant@example.org", "elu@example.org"):
            offer_report(actor=demo_user(email), offer=reported, reason=f"Changement de jour ? {token}")

    agent = new_page()
    agent.set_viewport_size({"width": width, "height": height})
    login(agent, "agent@example.org")
    agent.goto("/offres/mes-offres/")
    verify = agent.get_by_role("region", name="À vérifier")
    expect(verify).to_contain_text("Soirée jeux de société")
    assert_accessible(agent)
    verify.get_by_role("link", name="Soirée jeux de société").click()
    expect(agent.locator(".notice--warning").first).to_contain_text("À vérifier")
    expect(agent.get_by_role("region", name="Tenir cette offre à jour")).to_contain_text("Signalements des habitants")
    assert_accessible(agent)
    _shot(agent, f"offres-manage-{width}")
    with agent.expect_navigation():
        agent.get_by_role("button", name="Confirmer qu’elle est toujours d’actualité").click()
    expect(agent.get_by_text("Merci : l’offre est confirmée")).to_be_visible()
    assert Offer.objects.get(pk=reported.pk).status == Offer.Status.PUBLISHED

    association = new_page()
    association.set_viewport_size({"width": width, "height": height})
    login(association, "association@example.org")
    association.goto("/offres/publier/")
    title = f"Atelier graines {token}"
    association.get_by_label("titre").fill(title)
    association.get_by_label("résumé").fill("Échanger des graines et des conseils de jardinage.")
    association.get_by_label("quartier").select_option("Quartier des Fleurs")
    association.get_by_label("sans écran").check()
    assert_accessible(association)
    with association.expect_navigation():
        association.get_by_role("button", name="Publier").click()
    expect(association.get_by_role("heading", level=1)).to_have_text(title)
    expect(association.locator(".offer-facts")).to_contain_text("Dernière confirmation")
    assert Offer.objects.get(title=title).organisation.slug == "jardins-partages"
