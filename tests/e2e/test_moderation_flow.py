"""Moderation in Chromium: a resident posts in one browser, a facilitator acts in another. A
message held by the rules reaches the queue live and is published with the keyboard; another is
hidden from the room with a reason template. The resident sees the nudge, the pending state, the
tombstone and its appeal link. The queue, the register and the room pass axe-core."""

import itertools
import time

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import DEMO_PASSWORD, assert_accessible, login

_numbers = itertools.count(1)


def _unique() -> str:
    return f"{int(time.time() * 1000) % 10_000_000}-{next(_numbers)}"


@pytest.fixture
def resident(e2e_db):
    from allauth.account.models import EmailAddress

    from accounts.models import User

    email = f"e2e-moderation-{_unique()}@example.org"
    user = User.objects.create_user(email=email, password=DEMO_PASSWORD, display_name=f"Eliott {_unique()}")
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def room(e2e_db):
    from accounts.demo import demo_user
    from debates.models import Debate

    n = _unique()
    debate = Debate.objects.create(
        title=f"Débat modéré {n}", slug=f"debat-modere-e2e-{n}", question="Que faire du lavoir ?", status="open"
    )
    debate.facilitators.add(demo_user("animation@example.org"))
    return debate


def _post(page, text: str):
    page.get_by_label("Votre message").fill(text)
    page.locator("#send-button").click()


def _queue_live(page):
    page.goto("/moderation/")
    expect(page.locator("#moderation-queue")).to_have_attribute("data-connected", "true")


def test_facilitator_holds_approves_and_hides_what_a_resident_posts(new_page, room, resident):
    person, animation = new_page(), new_page()
    login(person, resident.email)
    login(animation, "animation@example.org")
    person.goto(room.get_absolute_url())
    expect(person.locator("#connection-status")).to_contain_text("En direct")
    _queue_live(animation)
    assert_accessible(animation)

    # A personal attack: the resident gets a nudge with an I-statement, nothing is stored.
    _post(person, "Tu es complètement stupide.")
    person.get_by_role("dialog", name="La charte du débat").get_by_role("button", name="J’accepte la charte").click()
    expect(person.locator("#composer-notice")).to_contain_text("Suggestion")
    expect(person.locator("#send-button")).to_have_text("Envoyer quand même")

    # An insult: held. The resident sees the pending state; the queue shows it live.
    _post(person, "Ce projet de lavoir est nul, bande de connards.")
    expect(person.locator("#composer-notice")).to_contain_text("attend la relecture")
    held = animation.locator(".queue-item", has_text="bande de connards")
    expect(held).to_be_visible()
    # Its author sees it in the thread, marked as waiting for review, until it is decided.
    expect(person.locator("#messages .room-message--pending", has_text="bande de connards")).to_contain_text(
        "En attente de relecture"
    )

    # The facilitator publishes it with the keyboard alone; the resident sees it live.
    held.get_by_role("button", name="Publier", exact=True).focus()
    animation.keyboard.press("Enter")
    expect(animation.locator("main")).to_contain_text("Le message est publié.")
    expect(person.locator("#messages .room-message[data-id]", has_text="bande de connards")).to_have_count(1)
    expect(person.locator("#messages .room-message--pending")).to_have_count(0)

    # In the room, the facilitator hides the resident's next message with a reason template.
    _post(person, "Et si on faisait une fête foraine à la place du lavoir ?")
    expect(person.locator("#messages")).to_contain_text("fête foraine")
    animation.goto(room.get_absolute_url())
    expect(animation.locator("#connection-status")).to_contain_text("En direct")
    message = animation.locator("#messages .room-message", has_text="fête foraine")
    message.get_by_role("button", name="Actions").click()
    message.get_by_role("menuitem", name="Masquer", exact=True).click()
    dialog = animation.get_by_role("dialog", name="Masquer ce message")
    dialog.get_by_label("Raison proposée").select_option("off_topic")
    dialog.get_by_role("button", name="Confirmer").click()
    tombstone = person.locator("#messages .room-message", has_text="Message masqué")
    expect(tombstone).to_contain_text("ne porte pas sur la question du débat")
    expect(person.locator("#messages")).not_to_contain_text("fête foraine")
    # Its author is offered the appeal right in the tombstone.
    expect(tombstone.get_by_role("link", name="Contester cette décision")).to_be_visible()
    assert_accessible(person)
    assert_accessible(animation)

    # The register counts the decisions without names.
    register = new_page()
    register.goto("/moderation/registre/")
    expect(register.locator("#figure-human")).not_to_have_text("0")
    expect(register.locator("main")).not_to_contain_text(resident.display_name)
    assert_accessible(register)


def test_queue_and_register_without_javascript(new_page, room, resident):
    page = new_page(javascript=False)
    login(page, "animation@example.org")
    page.goto("/moderation/")
    expect(page.get_by_role("heading", name="File de modération")).to_be_visible()
    page.goto("/moderation/registre/")
    expect(page.get_by_role("heading", name="Registre de modération")).to_be_visible()
