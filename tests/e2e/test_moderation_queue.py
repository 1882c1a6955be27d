"""The facilitators' queue in Chromium: reports from three residents hide a message, the queue
shows it live, the facilitator decides with the keyboard, the author sees the tombstone and can
appeal; the queue and the public register pass axe-core, and work without JavaScript."""

import itertools
import time

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import DEMO_PASSWORD, assert_accessible, login

_numbers = itertools.count(1)


def _unique() -> str:
    return f"{int(time.time() * 1000) % 10_000_000}-{next(_numbers)}"


@pytest.fixture
def make_resident(e2e_db):
    from allauth.account.models import EmailAddress

    from accounts.models import User

    def make(name: str):
        email = f"e2e-queue-{_unique()}@example.org"
        user = User.objects.create_user(email=email, password=DEMO_PASSWORD, display_name=f"{name} {_unique()}")
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    return make


@pytest.fixture
def room(e2e_db):
    from accounts.demo import demo_user
    from debates.models import Debate

    n = _unique()
    debate = Debate.objects.create(
        title=f"Débat signalé {n}", slug=f"debat-signale-e2e-{n}", question="Que faire du kiosque ?", status="open"
    )
    debate.facilitators.add(demo_user("animation@example.org"))
    return debate


@pytest.fixture
def posted(e2e_db, room, make_resident):
    import uuid

    from debates import services as rooms

    author = make_resident("Noa")
    rooms.debate_accept_charter(actor=author, debate=room)
    text = f"Le kiosque devrait devenir une buvette {_unique()}."
    message = rooms.message_post(actor=author, debate=room, client_id=uuid.uuid4(), body=text).message
    return author, message, text


def _report(page, message, reason_label):
    page.goto(f"/moderation/signaler/{message.pk}/")
    page.get_by_label("Motif").select_option(label=reason_label)
    page.get_by_role("button", name="Envoyer le signalement").click()
    expect(page.locator("main")).to_contain_text("Merci")


def test_three_reports_hide_a_message_and_the_facilitator_decides_live_with_the_keyboard(
    new_page, room, posted, make_resident
):
    author, message, text = posted
    animation = new_page()
    login(animation, "animation@example.org")
    animation.goto("/moderation/")
    expect(animation.locator("#moderation-queue")).to_have_attribute("data-connected", "true")
    assert_accessible(animation)

    writer = new_page()
    login(writer, author.email)
    writer.goto(room.get_absolute_url())
    expect(writer.locator("#connection-status")).to_contain_text("En direct")
    expect(writer.locator("#messages")).to_contain_text(text)

    for n in range(3):
        reporter = new_page(javascript=n != 0)
        login(reporter, make_resident("Signaleur").email)
        _report(reporter, message, "Hors sujet")
        if n == 0:
            # One report: the message stays published and appears in the queue, live.
            item = animation.locator(f"#reported-{message.pk}")
            expect(item).to_contain_text("Signalé par 1 participant·e")

    # Three reports: hidden automatically, the author sees the tombstone live.
    tombstone = writer.locator(f"#message-{message.pk} .room-message__tombstone")
    expect(tombstone).to_contain_text("Message masqué automatiquement")
    expect(writer.locator("#messages")).not_to_contain_text(text)
    item = animation.locator(f"#reported-{message.pk}")
    expect(item).to_contain_text("Masqué automatiquement")
    expect(item).to_contain_text("Signalé par 3 participant·es")
    expect(animation.locator("#queue-status")).to_have_text("La file a été mise à jour.")

    # The facilitator keeps it hidden, with a reason, using the keyboard only.
    item.get_by_label("Motif").focus()
    animation.keyboard.press("End")  # the last reason of the list: "Autre motif"
    animation.keyboard.press("Tab")
    animation.keyboard.type("Une buvette n’est pas le sujet du kiosque.")
    keep = item.get_by_role("button", name="Garder masqué")
    keep.focus()
    expect(keep).to_be_focused()
    animation.keyboard.press("Enter")
    expect(animation.locator("main")).to_contain_text("Le message reste masqué.")
    expect(animation.locator(f"#reported-{message.pk}")).to_have_count(0)

    # The author contests the decision from the link of the e-mail the tombstone's link leads to.
    writer.goto(f"/moderation/recours/message/{message.pk}/")
    expect(writer.get_by_role("heading", name="Contester une décision")).to_be_visible()
    assert_accessible(writer)
    writer.get_by_label("Pourquoi cette décision devrait-elle changer ?").fill("Je parlais bien du kiosque.")
    writer.get_by_role("button", name="Envoyer mon recours").click()
    expect(writer.locator("main")).to_contain_text("En attente d’une décision")

    # The register counts it all, without names; it passes axe-core.
    register = new_page()
    register.goto("/moderation/registre/")
    expect(register.locator("#figure-automatic")).not_to_have_text("0")
    expect(register.locator("main")).not_to_contain_text(author.display_name)
    assert_accessible(register)


def test_queue_and_register_work_without_javascript(new_page, room, posted, make_resident):
    _author, message, text = posted
    reporter = new_page(javascript=False)
    login(reporter, make_resident("Sans script").email)
    _report(reporter, message, "Spam")
    page = new_page(javascript=False)
    login(page, "animation@example.org")
    page.goto("/moderation/")
    item = page.locator(f"#reported-{message.pk}")
    expect(item).to_contain_text(text)
    item.get_by_role("button", name="Garder publié").click()
    expect(page.locator("main")).to_contain_text("Les signalements sont écartés")
    expect(page.locator(f"#reported-{message.pk}")).to_have_count(0)
    page.goto("/moderation/registre/")
    expect(page.get_by_role("heading", name="Registre de modération")).to_be_visible()
    expect(page.locator("#figure-human")).not_to_have_text("0")
