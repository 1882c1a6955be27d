"""An association publishes a call for volunteers on its active pact, a resident answers it in
two clicks, the association accepts them and records the hours they gave. axe-core audits every
page at 1280 and 375 px; screenshots go to var/screenshots/ to be looked at."""

import re
import uuid
from pathlib import Path

from django.utils import timezone

from tests.e2e.conftest import ROOT, assert_accessible, login

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 800}
SHOTS = ROOT / "var" / "screenshots"


def _audit(page, name: str) -> None:
    """No serious axe violation at either width, and a full-page screenshot of each."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for label, viewport in (("1280", DESKTOP), ("375", PHONE)):
        page.set_viewport_size(viewport)
        assert_accessible(page)
        page.screenshot(path=str(Path(SHOTS, f"benevolat-{name}-{label}.png")), full_page=True)
    page.set_viewport_size(DESKTOP)


def _notice(page) -> str:
    return page.locator("main").inner_text()


def test_association_publishes_a_call_a_resident_answers_and_is_accepted_with_hours(live_url, new_page, e2e_db):
    from benevolat.models import Answer, GivenHours
    from notifications.models import Notification
    from pactes.demo import ACTIVE_TITLE
    from pactes.models import Pact

    pact = Pact.objects.get(title=ACTIVE_TITLE)
    title = f"Ranger la cour après le goûter {uuid.uuid4().hex[:4]}"
    today = timezone.localdate()

    association = new_page()
    association.set_viewport_size(DESKTOP)
    login(association, "association@example.org")
    association.goto(pact.get_absolute_url())
    association.get_by_role("link", name="Publier un appel à bénévoles").click()
    _audit(association, "publish")
    association.get_by_label("Ce que feront les bénévoles").fill(title)
    association.get_by_label("Régulier").check()
    association.get_by_label("Quand").fill("Le samedi de 17 h 30 à 18 h 30")
    association.get_by_label("À partir du").fill(today.isoformat())
    association.get_by_label("Combien de temps").fill("Une heure, un samedi sur deux")
    association.get_by_label("Bénévoles recherchés").fill("2")
    association.get_by_label("Accueil proposé").fill("Une bénévole de l’association vous montre où ranger le matériel.")
    association.get_by_role("button", name="Publier l’appel").click()
    association.wait_for_url(re.compile(r"/benevolat/\d+/$"))
    call_url = association.url
    assert "Votre appel à bénévoles est publié." in _notice(association)
    _audit(association, "call-organisers")

    resident = new_page()
    resident.set_viewport_size(DESKTOP)
    login(resident, "habitant@example.org")
    resident.goto("/benevolat/")
    _audit(resident, "list")
    resident.get_by_label("Type d’engagement").select_option("regular")
    resident.get_by_role("button", name="Afficher les appels").click()
    resident.get_by_role("link", name=title).click()
    assert resident.url == call_url
    _audit(resident, "call")
    # First click: the call's button; second click: the confirmation.
    resident.get_by_role("link", name="Je me propose").click()
    _audit(resident, "confirm")
    resident.get_by_label("Un mot pour les organisateurs (facultatif)").fill("Je peux venir le samedi.")
    resident.get_by_role("button", name="Confirmer").click()
    resident.wait_for_url(call_url)
    assert "Merci ! Votre proposition d’aide est envoyée aux organisateurs" in _notice(resident)
    assert "les organisateurs n’ont pas encore répondu" in _notice(resident)
    _audit(resident, "answered")

    association.goto(call_url)
    association.get_by_role("button", name="Accepter Dominique").click()
    association.wait_for_url(call_url)
    assert "La personne bénévole est acceptée et prévenue." in _notice(association)
    association.get_by_label("Date", exact=True).fill(today.isoformat())
    association.get_by_label("Heures données").fill("1,5")
    association.get_by_role("button", name="Enregistrer les heures").click()
    association.wait_for_url(call_url)
    assert "Les heures sont enregistrées." in _notice(association)
    assert "Heures données : 1,5\n" in _notice(association) + "\n"
    # A bad number is refused in place, with the reason.
    association.get_by_label("Date", exact=True).fill(today.isoformat())
    association.get_by_label("Heures données").fill("30")
    association.get_by_role("button", name="Enregistrer les heures").click()
    assert "en quarts d’heure" in association.get_by_role("alert").inner_text()
    _audit(association, "hours")

    answer = Answer.objects.get(call__title=title, volunteer__email="habitant@example.org")
    assert answer.status == Answer.Status.ACCEPTED and answer.message == "Je peux venir le samedi."
    assert [str(h.hours) for h in GivenHours.objects.filter(answer=answer)] == ["1.50"]
    assert Notification.objects.filter(recipient=answer.volunteer, kind="volunteer_decided").exists()

    resident.goto(call_url)
    assert "Vous faites partie des bénévoles de cet appel." in _notice(resident)
