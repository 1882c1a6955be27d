"""A facilitator's reminder and exclusion reach the participant live, in the room."""

import uuid

from allauth.account.models import EmailAddress
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import User
from debates.models import Debate, Participation
from tests.e2e.conftest import login


def _queue_action(page, **fields) -> None:
    page.goto("/moderation/")
    token = page.locator("input[name=csrfmiddlewaretoken]").first.get_attribute("value")
    response = page.request.post("/moderation/agir/", form={"csrfmiddlewaretoken": token, **fields})
    assert response.ok, response.status


def test_a_reminder_and_an_exclusion_reach_the_participant_live(new_page, e2e_db):
    email = f"rappel-{uuid.uuid4().hex[:8]}@example.org"
    user = User.objects.create_user(email=email, password=settings.DEMO_PASSWORD, display_name="Camille R.")
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    debate = Debate.objects.filter(status=Debate.Status.OPEN, facilitators__email="animation@example.org").first()
    Participation.objects.create(debate=debate, user=user, charter_accepted_at=timezone.now())

    resident = new_page()
    login(resident, email)
    resident.goto(debate.get_absolute_url())
    expect(resident.locator("#connection-status")).to_contain_text("En direct")

    facilitator = new_page()
    login(facilitator, "animation@example.org")
    _queue_action(facilitator, action="reminder", debate_id=debate.pk, user_id=user.pk, reason_code="charter")
    expect(resident.locator("#composer-notice")).to_contain_text("Un animateur vous rappelle la charte")

    _queue_action(facilitator, action="exclude", debate_id=debate.pk, user_id=user.pk, reason_code="charter")
    expect(resident.locator("#composer-notice")).to_contain_text("vous a exclu de ce débat")
    expect(resident.locator("#composer textarea").first).to_be_disabled()
