"""The debate rooms in Chromium: live chat between two residents, reload without duplicates,
the page without JavaScript, facilitation seen by a resident, accessibility."""

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
        email = f"e2e-{_unique()}@example.org"
        user = User.objects.create_user(email=email, password=DEMO_PASSWORD, display_name=name)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    return make


@pytest.fixture
def room(e2e_db):
    from accounts.demo import demo_user
    from debates.models import Debate

    n = _unique()
    debate = Debate.objects.create(
        title=f"Débat de test {n}", slug=f"debat-e2e-{n}", question="Que faire du terrain vague ?", status="open"
    )
    debate.facilitators.add(demo_user("animation@example.org"))
    return debate


def _live(page):
    expect(page.locator("#connection-status")).to_contain_text("En direct")


def _post(page, text: str):
    page.get_by_label("Votre message").fill(text)
    page.locator("#send-button").click()


def test_two_residents_chat_live_and_a_reload_shows_each_message_once(new_page, room, make_resident):
    alice, bruno = make_resident("Alice"), make_resident("Bruno")
    first, second = new_page(), new_page()
    login(first, alice.email)
    login(second, bruno.email)
    for page in (first, second):
        page.goto(room.get_absolute_url())
        _live(page)

    # Alice has not accepted the charter yet: the live room asks in a dialog, then posts.
    _post(first, "Bonjour, je propose un jardin sur le terrain vague.")
    dialog = first.get_by_role("dialog", name="La charte du débat")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="J’accepte la charte").click()
    expect(second.locator("#messages")).to_contain_text("je propose un jardin")
    expect(first.locator("#messages")).to_contain_text("je propose un jardin")
    expect(first.get_by_label("Votre message")).to_have_value("")

    _post(second, "Bonne idée, avec des bacs pour les écoles ?")
    second.get_by_role("dialog", name="La charte du débat").get_by_role("button", name="J’accepte la charte").click()
    expect(first.locator("#messages")).to_contain_text("des bacs pour les écoles")

    first.reload()
    _live(first)
    _post(second, "Et un composteur collectif.")
    expect(first.locator("#messages")).to_contain_text("composteur collectif")
    for text in ("je propose un jardin", "des bacs pour les écoles", "composteur collectif"):
        expect(first.locator("#messages .room-message", has_text=text)).to_have_count(1)
    assert first.locator("#messages .room-message").count() == 3
    assert_accessible(first)


def test_room_without_javascript_is_a_transcript_with_a_plain_form(new_page, room, make_resident):
    resident = make_resident("Camille")
    page = new_page(javascript=False)
    login(page, resident.email)
    page.goto(room.get_absolute_url())
    expect(page.get_by_text("Aucun message pour l’instant")).to_be_visible()
    page.get_by_role("button", name="J’accepte la charte").click()
    page.get_by_label("Votre message").fill("Sans JavaScript, je participe aussi.")
    page.get_by_role("button", name="Envoyer").click()
    expect(page.locator("#messages")).to_contain_text("Sans JavaScript, je participe aussi.")
    expect(page.locator("#messages .room-message")).to_have_count(1)


def test_facilitator_hides_a_message_and_the_resident_sees_the_tombstone(new_page, room, make_resident):
    resident = make_resident("Dana")
    people, animation = new_page(), new_page()
    login(people, resident.email)
    login(animation, "animation@example.org")
    people.goto(room.get_absolute_url())
    animation.goto(room.get_absolute_url())
    _live(people)
    _live(animation)
    expect(people.locator("#facilitation")).to_have_count(0)
    expect(animation.get_by_role("heading", name="Animation")).to_be_visible()

    _post(people, "Un message qui sera masqué.")
    people.get_by_role("dialog", name="La charte du débat").get_by_role("button", name="J’accepte la charte").click()
    message = animation.locator("#messages .room-message", has_text="Un message qui sera masqué.")
    message.get_by_role("button", name="Actions").click()
    message.get_by_role("menuitem", name="Masquer").click()
    dialog = animation.get_by_role("dialog", name="Masquer ce message")
    dialog.get_by_label("Motif").fill("Hors sujet")
    dialog.get_by_role("button", name="Confirmer").click()
    tombstone = people.locator("#messages .room-message__tombstone")
    expect(tombstone).to_contain_text("Message masqué par l’équipe d’animation")
    expect(tombstone).to_contain_text("Hors sujet")
    expect(people.locator("#messages")).not_to_contain_text("Un message qui sera masqué.")
    assert_accessible(animation)

    # Speaking turns: the resident raises a hand, the facilitator gives the floor, a countdown runs.
    animation.get_by_label("Mode de la salle").select_option("turns")
    animation.get_by_role("button", name="Appliquer").click()
    expect(people.locator("#room-mode")).to_have_text("Tour de parole")
    people.get_by_role("button", name="Lever la main").click()
    animation.get_by_role("button", name="Donner la parole à Dana").click()
    expect(people.locator("#floor-label")).to_have_text("Vous avez la parole.")
    expect(people.locator("#floor-countdown")).to_contain_text("encore 1:")


def test_debate_list_and_demo_room_have_no_serious_accessibility_violation(page):
    page.goto("/debats/")
    expect(page.get_by_role("heading", name="Ouverts en ce moment")).to_be_visible()
    expect(page.get_by_role("link", name="Se parler entre voisins")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Se parler entre voisins").click()
    _live(page)
    expect(page.locator("#messages .room-message")).to_have_count(4)
    assert_accessible(page)


def test_lost_connection_reconnects_and_resumes_without_gap_or_duplicate(new_page, room, make_resident, e2e_db):
    import re
    import uuid

    from debates import services

    writer = make_resident("Eli")
    services.debate_accept_charter(actor=writer, debate=room)
    routes = []

    def through(route):
        route.connect_to_server()
        routes.append(route)

    page = new_page()
    page.route_web_socket(re.compile(r".*/ws/debats/.*"), through)
    page.goto(room.get_absolute_url())
    _live(page)
    services.message_post(actor=writer, debate=room, client_id=uuid.uuid4(), body="Avant la coupure")
    page.reload()
    _live(page)
    routes[-1].close(code=4000, reason="coupure")
    expect(page.locator("#connection-status")).to_contain_text("Connexion perdue")
    # Posted while the page is away: it comes with the resume.
    services.message_post(actor=writer, debate=room, client_id=uuid.uuid4(), body="Pendant la coupure")
    _live(page)
    expect(page.locator("#messages")).to_contain_text("Pendant la coupure")
    expect(page.locator("#messages .room-message", has_text="Avant la coupure")).to_have_count(1)
    expect(page.locator("#messages .room-message")).to_have_count(2)


def test_logging_out_in_another_tab_ends_the_rooms_session(new_page, room, make_resident):
    resident = make_resident("Fanny")
    page = new_page()
    login(page, resident.email)
    page.goto(room.get_absolute_url())
    _live(page)
    expect(page.get_by_label("Votre message")).to_be_visible()
    # Another tab of the same browser logs out: the server closes the room's socket (4401) and
    # the room page loads itself again, now as a visitor.
    other = page.context.new_page()
    other.goto(room.get_absolute_url())
    other.locator("form.inline-form button[type=submit]").click()
    expect(page.get_by_role("link", name="Se connecter pour participer")).to_be_visible()
    _live(page)
