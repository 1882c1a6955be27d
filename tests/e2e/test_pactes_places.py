"""Places, search and tamper evidence in a real browser, at desktop (1280 px) and phone (375 px)
widths: a resident proposes a pact and places its commons on the map (click, then the address
search with the keyboard), the form showing only the fields of the choices made (with and
without JavaScript); the register map draws the neighbourhoods when no tiles are set; the site
search finds pacts, commons and debates with their type; a signed clause altered in the database
shows on the verifier and the pact page; the journal is public. axe-core audits every page.
Screenshots go to var/screenshots/.
"""

import uuid
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import DEMO_PASSWORD, ROOT, assert_accessible, login

SHOTS = ROOT / "var" / "screenshots"
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 800}}


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("size", WIDTHS)
def test_proposal_places_the_commons_on_the_map_and_shows_only_the_fields_that_apply(size, new_page, e2e_db):
    page = new_page()
    page.set_viewport_size(WIDTHS[size])
    login(page, _fresh_resident(uuid.uuid4().hex[:6]).email)
    page.goto("/pactes/proposer/")
    organisation = page.locator(".reveal--organisation")
    group = page.locator(".reveal--informal_group")
    expect(organisation).to_be_hidden()
    expect(group).to_be_hidden()
    page.get_by_label("Un groupe informel").check()
    expect(group).to_be_visible()
    expect(organisation).to_be_hidden()
    # No listed commons chosen: the new commons' fields and the map show.
    expect(page.locator(".reveal--new-commons")).to_be_visible()
    picker = page.locator('[data-map="picker"]')
    expect(picker).to_be_visible()
    expect(picker.locator(".leaflet-overlay-pane path").first).to_be_visible()  # the neighbourhoods
    picker.click()
    expect(page.locator("#place-status")).to_contain_text("Le bien commun est placé")
    latitude = page.get_by_label("Latitude")
    expect(latitude).not_to_have_value("")
    # The keyboard way: the address search, its results are buttons.
    page.get_by_label("Chercher une adresse, un quartier ou des coordonnées").fill("Les Rives")
    page.locator("#place-search-button").focus()
    page.keyboard.press("Enter")
    result = page.locator("#place-results").get_by_role("button", name="Les Rives")
    result.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#place-results li")).to_have_count(0)
    placed = float(latitude.input_value())
    assert 48.848 < placed < 48.8555
    token = uuid.uuid4().hex[:6]
    page.get_by_label("Titre du pacte").fill(f"Bancs partagés {token}")
    page.get_by_label("Nom du groupe").fill(f"Voisins {token}")
    page.get_by_label("Nom du nouveau bien commun").fill(f"Placette {token}")
    page.get_by_label("Votre idée").fill("Installer et entretenir des bancs pour se retrouver.")
    assert_accessible(page)
    _shot(page, f"proposal-map-{size}")
    page.get_by_label("J’accepte").check()
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Bancs partagés {token}")
    point = page.locator('[data-map="point"]')
    expect(point).to_have_attribute("data-ready", "true")
    expect(point.locator("path.leaflet-interactive")).to_be_visible()  # the commons
    assert_accessible(page)
    _shot(page, f"pact-commons-map-{size}")


def test_proposal_form_discloses_fields_without_javascript(new_page):
    page = new_page(javascript=False)
    login(page, "habitant@example.org")
    page.goto("/pactes/proposer/")
    expect(page.locator(".reveal--organisation")).to_be_hidden()
    page.get_by_label("Une association ou une organisation").check()
    expect(page.locator(".reveal--organisation")).to_be_visible()
    expect(page.locator(".reveal--informal_group")).to_be_hidden()
    # Without JavaScript the map stays hidden; the coordinates fields are there.
    expect(page.locator('[data-map="picker"]')).to_be_hidden()
    expect(page.get_by_label("Latitude")).to_be_visible()


@pytest.mark.parametrize("size", WIDTHS)
def test_register_map_draws_the_neighbourhoods_and_the_demo_commons(size, new_page):
    page = new_page()
    page.set_viewport_size(WIDTHS[size])
    page.goto("/pactes/")
    canvas = page.locator("#pact-map")
    expect(canvas).to_be_visible()
    expect(canvas.locator('.leaflet-overlay-pane path:not([d="M0 0"])').first).to_be_visible()
    expect(canvas.locator(".map-label").first).to_be_visible()
    expect(canvas).to_have_attribute("data-markers", __import__("re").compile(r"[1-9]\d*"))
    assert_accessible(page)
    _shot(page, f"register-map-{size}")


@pytest.mark.parametrize("size", WIDTHS)
def test_site_search_finds_pacts_commons_and_debates_with_their_type(size, new_page):
    page = new_page()
    page.set_viewport_size(WIDTHS[size])
    page.goto("/recherche/?q=jardin")
    results = page.locator(".search-results")
    expect(results).to_contain_text("Pacte de collaboration")
    expect(results).to_contain_text("Bien commun")
    expect(results).to_contain_text("Jardin des Lilas")
    assert_accessible(page)
    _shot(page, f"search-jardin-{size}")
    page.goto("/recherche/?q=voisins")
    expect(page.locator(".search-results")).to_contain_text("Débat")


def _fresh_resident(token: str, *, represents: str | None = None):
    """A verified account of its own (the proposal limit per day is per person), with the demo
    password, optionally a representative of a demo organisation."""
    from allauth.account.models import EmailAddress

    from accounts.models import Membership, Organisation, User

    user = User.objects.create_user(
        email=f"voisin-{token}@example.org", password=DEMO_PASSWORD, display_name=f"Voisin {token}"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    if represents:
        Membership.objects.create(
            user=user, organisation=Organisation.objects.get(slug=represents), role=Membership.Role.REPRESENTATIVE
        )
    return user


def _signed_pact(token: str):
    """A pact frozen and signed through the services (so journalled)."""
    from accounts.demo import demo_user
    from accounts.models import Organisation
    from pactes.models import Commons, Pact
    from pactes.proposals import pact_propose
    from pactes.signing import pact_sign
    from pactes.versions import current_clauses, version_create
    from pactes.workflow import pact_transition

    association, agent = _fresh_resident(token, represents="jardins-partages"), demo_user("agent@example.org")
    commons = Commons.objects.create(
        name=f"Lavoir {token}", is_validated=True, latitude="48.851000", longitude="2.350000"
    )
    pact = pact_propose(
        actor=association,
        title=f"Lavoir partagé {token}",
        commons=commons,
        proponent_kind=Pact.ProponentKind.ORGANISATION,
        organisation=Organisation.objects.get(slug="jardins-partages"),
        idea="Rouvrir le lavoir pour des ateliers.",
        duration_months=12,
        periodicity=Pact.Periodicity.CONTINUOUS,
        publication_consent=True,
    )
    pact_transition(pact=pact, name="submit", actor=association)
    pact_transition(pact=pact, name="start_co_design", actor=agent)
    import datetime as dt

    latest = pact.versions.order_by("-number").first()
    version_create(
        actor=agent,
        pact=pact,
        based_on=latest.number,
        clauses=current_clauses(pact),
        title=pact.title,
        start_date=dt.date(2027, 1, 1),
        end_date=dt.date(2027, 12, 31),
        note="Dates",
    )
    pact_transition(pact=pact, name="freeze", actor=agent)
    pact.refresh_from_db()
    for signer in (association, agent):
        pact_sign(pact=pact, signer=signer, version_number=pact.frozen_version.number)
    pact.refresh_from_db()
    return pact


@pytest.mark.parametrize("size", WIDTHS)
def test_a_signed_clause_altered_in_the_database_shows_on_the_verifier_and_the_pact_page(size, new_page, e2e_db):
    from pactes.canonical import fingerprint, version_document
    from pactes.models import Clause, PactVersion

    pact = _signed_pact(uuid.uuid4().hex[:6])
    version = pact.frozen_version
    signed = version.content_hash
    page = new_page()
    page.set_viewport_size(WIDTHS[size])
    page.goto(f"/pactes/verifier/?empreinte={signed}")
    expect(page.locator(".verify-result")).to_contain_text("correspond à la version, à chaque signature")
    clause = version.clauses.order_by("position").first()
    Clause.objects.filter(pk=clause.pk).update(body=clause.body + " Sauf le dimanche.")
    stored = PactVersion.objects.get(pk=version.pk)
    PactVersion.objects.filter(pk=version.pk).update(content_hash=fingerprint(version_document(stored)))
    page.goto(f"/pactes/verifier/?empreinte={signed}")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("ne correspond plus à son empreinte")
    expect(alert).to_contain_text("Ce n’est pas le texte qui a été signé")
    expect(alert).to_contain_text("Les Jardins partagés du quartier")
    expect(alert).to_contain_text(f"la clause « {clause.heading} » a été modifiée")
    assert_accessible(page)
    _shot(page, f"verifier-tampered-{size}")
    page.goto(pact.get_absolute_url())
    expect(page.locator("#integrity-warning")).to_contain_text(clause.heading)
    assert_accessible(page)
    _shot(page, f"pact-tampered-{size}")
    page.goto("/pactes/journal/")
    expect(page.locator("table.journal")).to_contain_text(signed)
    assert_accessible(page)
    _shot(page, f"journal-{size}")


def test_destructive_actions_stand_apart(new_page, e2e_db):
    token = uuid.uuid4().hex[:6]
    resident = _fresh_resident(token)
    page = new_page()
    login(page, resident.email)
    page.goto("/pactes/proposer/")
    page.get_by_label("Titre du pacte").fill(f"Fresque {token}")
    page.get_by_label("Une personne").check()
    page.get_by_label("Nom du nouveau bien commun").fill(f"Mur {token}")
    page.locator("#id_new_commons_neighbourhood").fill("La Gare")
    page.get_by_label("Votre idée").fill("Peindre une fresque avec les enfants du quartier.")
    page.get_by_label("J’accepte").check()
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    zone = page.locator(".danger-zone")
    expect(zone.get_by_role("button", name="Retirer le pacte")).to_be_visible()
    expect(page.locator(".pact-actions").get_by_role("button", name="Déposer la proposition")).to_be_visible()
    # Placed from its neighbourhood by the server: the pact page has the commons map.
    expect(page.locator('[data-map="point"]')).to_be_visible()
    assert_accessible(page)
    _shot(page, "pact-draft-actions-desktop")
