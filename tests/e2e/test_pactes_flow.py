"""A pact from proposal to signature in a real browser: the association proposes, the city agent
opens the consultation, both co-design new versions and compare them, both sign, the pact is
active and its fingerprint is found by the verification page. axe-core audits each page.

Each test asks for ``live_url`` first so that the demo content is loaded before the browser's
event loop starts in this thread (the demo of the debates sends channel-layer events).
"""

import re
import uuid

from tests.e2e.conftest import DEMO_PASSWORD, assert_accessible, login


def _back_on(page, pact_url: str) -> None:
    """After a form, the browser is back on the pact page (an error would show in place)."""
    page.wait_for_load_state()
    alerts = page.get_by_role("alert")
    problem = alerts.first.inner_text() if alerts.count() else ""
    assert page.url == pact_url, f"{page.url}: {problem}"


def _submit(page, pact_url: str, **button) -> None:
    with page.expect_navigation():
        page.get_by_role("button", **button).click()
    _back_on(page, pact_url)


def _edit_first_clause(page, pact_url: str, text: str, note: str, *, dates: bool = False) -> None:
    page.goto(pact_url)
    page.get_by_role("link", name="Modifier le texte (nouvelle version)").click()
    assert_accessible(page)
    page.get_by_label("Texte").first.fill(text)
    if dates:
        page.get_by_label("Date de début").fill("2027-01-01")
        page.get_by_label("Date de fin").fill("2027-12-31")
    page.get_by_label("Qu’est-ce qui change dans cette version ?").fill(note)
    _submit(page, pact_url, name="Enregistrer une nouvelle version")


def _sign(page, pact_url: str) -> None:
    page.goto(pact_url)
    page.get_by_role("link", name=re.compile(r"^Signer la version")).click()
    assert_accessible(page)
    page.get_by_label("Votre mot de passe").fill(DEMO_PASSWORD)
    page.get_by_label(re.compile("J’ai lu cette version")).check()
    _submit(page, pact_url, name="Signer", exact=True)
    assert "Votre signature est enregistrée." in page.locator("main").inner_text()


def test_association_and_agent_take_a_pact_from_proposal_to_signature(live_url, new_page, e2e_db):
    from pactes.models import Pact
    from pactes.tasks import close_due_consultations

    title = f"Potager des Glycines {uuid.uuid4().hex[:6]}"
    association = new_page()
    login(association, "association@example.org")
    association.goto("/pactes/proposer/")
    assert_accessible(association)
    association.get_by_label("Titre du pacte").fill(title)
    association.get_by_label("Une association ou une organisation").check()
    association.get_by_label(re.compile(r"^Organisation")).select_option(label="Les Jardins partagés du quartier")
    association.get_by_label("Bien commun concerné").select_option(label="Jardin des Lilas")
    association.get_by_label("Votre idée").fill("Un potager cultivé avec les enfants de l’école voisine.")
    association.get_by_label("Outils et matériel").check()
    association.get_by_label(re.compile("J’accepte que cette proposition soit publiée")).check()
    association.get_by_role("button", name="Enregistrer le brouillon").click()
    association.wait_for_url(re.compile(r"/pactes/\d+/$"))
    pact_url = association.url
    assert association.get_by_role("heading", level=1).inner_text() == title
    _submit(association, pact_url, name="Déposer la proposition")
    assert "Déposé" in association.locator(".pact-summary").inner_text()

    agent = new_page()
    login(agent, "agent@example.org")
    agent.goto(pact_url)
    _submit(agent, pact_url, name="Ouvrir la consultation publique")
    assert "Consultation publique" in agent.locator(".pact-summary").inner_text()
    assert_accessible(agent)

    # The consultation closes by itself at its end date: bring the date forward and run the
    # scheduled task as the beat would.
    pact = Pact.objects.get(title=title)
    Pact.objects.filter(pk=pact.pk).update(consultation_ends_at=pact.created_at)
    assert pact.pk in close_due_consultations.delay().get()

    _edit_first_clause(
        association, pact_url, "Cultiver un potager avec les enfants de l’école voisine.", "Précision", dates=True
    )
    _edit_first_clause(
        agent, pact_url, "Cultiver un potager avec les enfants de l’école voisine, le mercredi.", "Jour fixé"
    )

    association.goto(pact_url)
    association.get_by_role("link", name="Comparer les versions").click()
    assert "clause modifiée" in association.locator("main").inner_text()
    assert association.locator("ins", has_text="le mercredi").count() == 1
    assert_accessible(association)

    agent.goto(f"{pact_url}diff/?from=2&to=3")
    assert agent.locator("ins", has_text="Cultiver").count() == 1
    assert "Date de début" in agent.locator("main table").inner_text()

    agent.goto(pact_url)
    _submit(agent, pact_url, name="Figer cette version pour signature")
    assert "En signature" in agent.locator(".pact-summary").inner_text()

    _sign(association, pact_url)
    _sign(agent, pact_url)
    association.goto(pact_url)
    assert "Actif" in association.locator(".pact-summary").inner_text()
    assert_accessible(association)

    fingerprint = association.locator(".pact-facts .fingerprint").inner_text().strip()
    visitor = new_page()
    visitor.goto("/pactes/verifier/")
    visitor.get_by_label("Empreinte SHA-256").fill(fingerprint)
    visitor.get_by_role("button", name="Vérifier").click()
    result = visitor.locator("main").inner_text()
    assert "Cette empreinte est connue" in result and title in result
    assert "Camille (mairie)" in result and "Les Jardins partagés" in result
    assert_accessible(visitor)


def test_public_pact_pages_have_no_serious_accessibility_violation(live_url, page):
    for path in ["/pactes/", "/pactes/biens-communs/", "/pactes/verifier/", "/pactes/verifier/?empreinte=abc"]:
        page.goto(path)
        assert_accessible(page)
    page.goto("/pactes/")
    page.get_by_role("link", name="Jardin partagé des Lilas").click()
    assert_accessible(page)
    page.get_by_role("link", name=re.compile(r"^Version 1$")).click()
    assert_accessible(page)


def test_a_script_disguised_as_a_pdf_is_refused_in_the_browser(live_url, new_page, tmp_path):
    association = new_page()
    login(association, "association@example.org")
    association.goto("/pactes/proposer/")
    fake = tmp_path / "devis.pdf"
    fake.write_bytes(b"#!/bin/sh\necho pwned\n")
    association.get_by_label("Titre du pacte").fill(f"Pacte piégé {uuid.uuid4().hex[:6]}")
    association.get_by_label("Une personne").check()
    association.get_by_label("Bien commun concerné").select_option(label="Jardin des Lilas")
    association.get_by_label("Votre idée").fill("Essai")
    association.get_by_label(re.compile(r"^Pièce jointe")).set_input_files(str(fake))
    association.get_by_label(re.compile("J’accepte que cette proposition soit publiée")).check()
    association.get_by_role("button", name="Enregistrer le brouillon").click()
    alert = association.get_by_role("alert")
    assert "son contenu n’est ni une image PNG, JPEG ou WebP ni un document PDF" in alert.inner_text()
    assert_accessible(association)
