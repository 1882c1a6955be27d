"""The register and a running pact in a real browser: a resident finds an active pact by filter
and asks to join it (signing its text), the proponent association accepts, files the yearly
report, which then shows on the pact page; the city agent sees it on the dashboard. axe-core
audits the register, the commons list, the pact page with its report and the dashboard.
"""

import datetime as dt
import re
import uuid

from playwright.sync_api import expect

from tests.e2e.conftest import DEMO_PASSWORD, assert_accessible, login


def _active_pact(token: str):
    """An active pact of the demo association and the city, on a located commons, started a
    month ago and signed by both."""
    from django.utils import timezone

    from accounts.demo import demo_user
    from accounts.models import Organisation
    from pactes.clauses import initial_clauses
    from pactes.models import Commons, Pact, Party, Signature
    from pactes.versions import write_version

    association = Organisation.objects.get(slug="jardins-partages")
    city = Organisation.objects.get(slug="ville")
    commons = Commons.objects.create(
        name=f"Verger {token}",
        kind=Commons.Kind.GREEN_SPACE,
        neighbourhood="Quartier des Vergers",
        latitude="48.860000",
        longitude="2.340000",
        is_validated=True,
    )
    start = timezone.localdate() - dt.timedelta(days=30)
    pact = Pact.objects.create(
        title=f"Verger partagé {token}",
        commons=commons,
        proponent_kind=Pact.ProponentKind.ORGANISATION,
        idea="Entretenir ensemble le verger et partager les récoltes.",
        publication_consent=True,
        submitted_at=timezone.now(),
        created_by=demo_user("association@example.org"),
    )
    proponent = Party.objects.create(pact=pact, role=Party.Role.PROPONENT, organisation=association)
    city_party = Party.objects.create(pact=pact, role=Party.Role.CITY, organisation=city)
    version = write_version(
        pact=pact,
        actor=None,
        clauses=initial_clauses(proposal={"idea": pact.idea}),
        start_date=start,
        end_date=start + dt.timedelta(days=364),
        keep_dates=False,
    )
    for party, email in [(proponent, "association@example.org"), (city_party, "agent@example.org")]:
        Signature.objects.create(
            version=version, party=party, signer=demo_user(email), content_hash=version.content_hash
        )
    Pact.objects.filter(pk=pact.pk).update(
        status=Pact.Status.ACTIVE, frozen_version=version, activated_at=timezone.now()
    )
    return pact


def _submit(page, button: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state()


def test_resident_joins_a_pact_found_on_the_register_and_the_yearly_report_shows(live_url, new_page, e2e_db):
    token = uuid.uuid4().hex[:8]
    pact = _active_pact(token)
    pact_url = f"{live_url}/pactes/{pact.pk}/"

    resident = new_page()
    login(resident, "habitant@example.org")
    resident.goto("/pactes/")
    assert_accessible(resident)
    resident.get_by_label("Mots à rechercher").fill(token)
    resident.get_by_label("Statut").select_option("active")
    resident.get_by_label("Type de bien commun").select_option("green_space")
    _submit(resident, "Rechercher")
    assert "statut=active" in resident.url
    assert "1 pacte trouvé" in resident.locator("main").inner_text()
    # The map shows the pact's marker, drawn on a plain background (no tile server is set).
    expect(resident.locator("#pact-map")).to_have_attribute("data-markers", "1")
    assert_accessible(resident)
    resident.get_by_role("link", name=pact.title).click()
    resident.wait_for_load_state()
    assert resident.url == pact_url
    resident.get_by_label("Qu’aimeriez-vous apporter ?").fill("Je sais tailler les pommiers.")
    resident.get_by_label("Votre mot de passe").fill(DEMO_PASSWORD)
    resident.get_by_label(re.compile("J’ai lu la version signée")).check()
    _submit(resident, "Demander à rejoindre")
    assert "Votre demande est transmise aux parties du pacte." in resident.locator("main").inner_text()

    association = new_page()
    login(association, "association@example.org")
    association.goto(pact_url)
    request = association.locator(".join-request").filter(has_text="Je sais tailler les pommiers.")
    with association.expect_navigation():
        request.get_by_role("button", name="Accepter").click()
    from accounts.demo import demo_user

    resident_name = demo_user("habitant@example.org").public_name
    assert resident_name in association.locator("ul.parties").inner_text()

    association.get_by_role("link", name="Déposer le bilan annuel").click()
    association.wait_for_load_state()
    assert_accessible(association)
    association.get_by_label("Actions menées").fill(f"Taille d’hiver et cueillette {token}")
    association.get_by_label("Résultats").fill("Deux cents kilos de pommes partagés")
    association.get_by_label("Soutien reçu de la ville").fill("Prêt d’un broyeur")
    association.get_by_label("Nombre de bénévoles").fill("9")
    association.get_by_label("Heures données par les bénévoles").fill("75")
    association.get_by_label("Participants : 75 ans et plus").fill("4")
    _submit(association, "Publier le bilan")
    assert association.url == pact_url

    visitor = new_page()
    visitor.goto(pact_url)
    text = visitor.locator("main").inner_text()
    assert f"Taille d’hiver et cueillette {token}" in text and "Prêt d’un broyeur" in text
    assert_accessible(visitor)

    agent = new_page()
    login(agent, "agent@example.org")
    agent.goto("/pactes/tableau-de-bord/")
    assert pact.title in agent.locator("#read-title + ul").inner_text()
    assert_accessible(agent)
    agent.goto("/pactes/biens-communs/")
    assert f"Verger {token}" in agent.locator("main").inner_text()
    assert_accessible(agent)
