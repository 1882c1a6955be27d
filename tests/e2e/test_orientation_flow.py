"""A connector refers someone who is welcomed and marked as having come, in a real browser at
desktop (1280 px) and phone (375 px) widths: the CCAS's connector refers a person to the Saturday
gardening group (refused without the person's consent), the association sees the referral and
marks that the person came, the person opens their private link, sees what is recorded and
deletes it. axe-core audits every page; screenshots go to var/screenshots/.
"""

import secrets
import string
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import ROOT, assert_accessible, login

SHOTS = ROOT / "var" / "screenshots"
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 800}}
GARDENING = "Jardinage collectif du samedi"


def _check(page, name: str) -> None:
    assert_accessible(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(Path(SHOTS) / f"orientation-{name}.png"), full_page=True)


def _gardening_offer():
    """The directory's demo offer; made here when the directory's demo does not have it yet."""
    from accounts.models import Organisation
    from offres.models import Offer

    offer = Offer.objects.filter(title=GARDENING).first()
    if offer is None:
        offer = Offer.objects.create(
            title=GARDENING,
            kind=Offer.Kind.GROUP,
            summary="Cultiver ensemble le jardin partagé, débutants bienvenus.",
            organisation=Organisation.objects.get(slug="jardins-partages"),
            schedule="Le samedi de 10 h à 12 h",
            screen_free=True,
            companion_first_visit=True,
            status=Offer.Status.PUBLISHED,
            last_confirmed_at=timezone.now(),
        )
    return offer


@pytest.mark.parametrize("size", WIDTHS)
def test_a_connector_refers_someone_who_is_welcomed_then_deletes_their_referral(size, new_page, e2e_db):
    _gardening_offer()
    # Letters only: the form refuses a name that looks like a phone number.
    name = "Mireille " + "".join(secrets.choice(string.ascii_uppercase) for _ in range(4))

    # The connector refers the person.
    connector = new_page()
    connector.set_viewport_size(WIDTHS[size])
    login(connector, "connecteur@example.org")
    connector.goto("/orientation/")
    _check(connector, f"hub-connector-{size}")
    connector.get_by_role("link", name="Orienter une personne vers une activité").click()
    connector.get_by_label("Prénom ou pseudonyme").fill(name)
    connector.get_by_label("Comment joindre la personne (facultatif)").fill("06 11 22 33 44")
    connector.get_by_label(GARDENING).check()
    _check(connector, f"create-{size}")
    connector.get_by_role("button", name="Enregistrer l’orientation").click()
    # Without the person's consent, nothing is recorded.
    expect(connector.locator(".field__errors")).to_contain_text("La personne doit donner son accord")
    _check(connector, f"create-no-consent-{size}")
    connector.get_by_label("J’ai lu ce texte à la personne et elle est d’accord.").check()
    connector.get_by_role("button", name="Enregistrer l’orientation").click()
    expect(connector.get_by_role("heading", name="L’orientation est enregistrée")).to_be_visible()
    link = connector.locator(".slip__link a")
    url = link.get_attribute("href")
    assert "/orientation/ma-demarche/" in url
    _check(connector, f"link-{size}")
    # Shown once.
    connector.reload()
    expect(connector.locator(".slip__link")).to_have_count(0)

    # The association sees it (the referral's first name) and marks that the person came.
    team = new_page()
    team.set_viewport_size(WIDTHS[size])
    login(team, "association@example.org")
    team.goto("/orientation/")
    _check(team, f"hub-team-{size}")
    team.get_by_role("link", name=name).click()
    expect(team.locator("dl.facts")).to_contain_text("06 11 22 33 44")
    team.get_by_label("Venue", exact=True).check()
    _check(team, f"line-team-{size}")
    team.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(team.locator(".messages")).to_contain_text("le connecteur est prévenu")
    expect(team.locator("dl.facts")).to_contain_text("Venue (")

    # The connector is told, without the person's name.
    connector.goto("/notifications/")
    expect(connector.locator("main")).to_contain_text(f"orientée vers « {GARDENING} » est venue")

    # The person opens the link, without an account, and deletes the referral.
    person = new_page()
    person.set_viewport_size(WIDTHS[size])
    person.goto(url)
    expect(person.get_by_role("heading", level=1)).to_contain_text(f"{name}, votre orientation")
    expect(person.locator("main")).to_contain_text("L’équipe a noté que vous êtes venu·e")
    _check(person, f"person-{size}")
    person.get_by_label("Je veux supprimer mon orientation").check()
    person.get_by_role("button", name="Supprimer mon orientation").click()
    expect(person.get_by_role("heading", name="Votre orientation est supprimée")).to_be_visible()
    _check(person, f"person-deleted-{size}")
    person.goto(url)
    expect(person.get_by_role("heading", name="Ce lien ne fonctionne plus")).to_be_visible()
    _check(person, f"person-gone-{size}")

    # Gone for the association too.
    team.goto("/orientation/")
    expect(team.get_by_role("link", name=name)).to_have_count(0)


def test_the_person_deletes_without_javascript(new_page, e2e_db):
    from accounts.models import User
    from orientation import services

    offer = _gardening_offer()
    _referral, token = services.referral_create(
        actor=User.objects.get(email="connecteur@example.org"),
        offer_ids=[offer.pk],
        first_name="Paulette",
        contact="",
        consent_given=True,
    )
    page = new_page(javascript=False)
    page.goto(f"/orientation/ma-demarche/{token}/")
    page.get_by_label("Je veux supprimer mon orientation").check()
    page.get_by_role("button", name="Supprimer mon orientation").click()
    expect(page.get_by_role("heading", name="Votre orientation est supprimée")).to_be_visible()


@pytest.mark.parametrize("size", WIDTHS)
def test_a_resident_sees_the_volunteer_companion_pages(size, new_page, e2e_db):
    page = new_page()
    page.set_viewport_size(WIDTHS[size])
    login(page, "habitant@example.org")
    page.goto("/orientation/")
    expect(page.get_by_role("heading", name="Binômes bénévoles")).to_be_visible()
    _check(page, f"hub-resident-{size}")
    page.goto("/orientation/binome/")
    _check(page, f"binome-{size}")
