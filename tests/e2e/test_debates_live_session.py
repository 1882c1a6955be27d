# ruff: noqa: F811 (the room fixtures come from the room tests)
"""The live room in front of people, in Chromium with a resident and a facilitator side by side
(1280 px and 375 px): each bug seen in a live session, the room's layout and keyboard path, the
facilitators' console, the hall screen of a hybrid session, and the accessibility audit."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, login
from tests.e2e.test_debates_room import make_resident, room  # noqa: F401 (fixtures)

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 800}
BOTH_SIZES = pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])


def _live(page):
    expect(page.locator("#connection-status")).to_contain_text("En direct")
    # The room's state has arrived (it carries the presence count): the composer is ready.
    expect(page.locator("#presence")).to_contain_text("dans la salle")


def _open(page, debate, viewport=DESKTOP):
    page.set_viewport_size(viewport)
    page.goto(debate.get_absolute_url())
    _live(page)


def _post(page, text):
    page.get_by_label("Votre message").fill(text)
    page.locator("#send-button").click()


def _messages(debate, author, count, *, prefix="Message"):
    """Published messages written straight to the log (no flood rule on set-up data)."""
    from django.utils import timezone

    from debates.models import Debate, Message

    debate.refresh_from_db()
    made = []
    for n in range(count):
        seq = debate.last_seq + n + 1
        made.append(
            Message.objects.create(
                debate=debate, author=author, body="x", body_html=f"{prefix} {n}", seq=seq, published_at=timezone.now()
            )
        )
    Debate.objects.filter(pk=debate.pk).update(last_seq=debate.last_seq + count)
    return made


def _facilitator():
    from accounts.demo import demo_user

    return demo_user("animation@example.org")


def _charter(user, debate):
    from debates import services

    services.debate_accept_charter(actor=user, debate=debate)


def _side_by_side(new_page, debate, resident, viewport=DESKTOP):
    """A resident who accepted the charter and the facilitator, each in a browser, live in the room."""
    _charter(resident, debate)
    people, animation = new_page(), new_page()
    login(people, resident.email)
    login(animation, "animation@example.org")
    _open(people, debate, viewport)
    _open(animation, debate, viewport)
    return people, animation


def _tab_until(page, predicate: str, limit: int = 60) -> int:
    """Press Tab until ``predicate`` (about ``el``, the focused element) holds; how many presses."""
    for n in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!el && ({predicate}); }})()"):
            return n
    raise AssertionError(f"{predicate} never focused in {limit} Tab presses")


# --- the bugs seen in a live session ---------------------------------------------------------------


def test_live_messages_carry_the_facilitator_badge_only_when_a_facilitator_wrote_them(
    new_page, room, make_resident, e2e_db
):
    people, animation = _side_by_side(new_page, room, make_resident("Inès"))
    _post(people, "Bonjour à toutes et à tous.")
    _post(animation, "Bienvenue, je suis l’animatrice.")
    for page in (people, animation):
        mine = page.locator("#messages .room-message", has_text="Bonjour à toutes")
        theirs = page.locator("#messages .room-message", has_text="Bienvenue, je suis")
        expect(theirs.locator(".room-message__role")).to_be_visible()
        expect(mine).to_be_visible()
        expect(mine.locator(".room-message__role")).to_have_count(0)


def test_each_message_has_one_actions_menu_with_each_action_once(new_page, room, make_resident, e2e_db):
    alice, bruno = make_resident("Alice"), make_resident("Bruno")
    _messages(room, bruno, 2, prefix="Texte de Bruno")
    people, animation = _side_by_side(new_page, room, alice)
    message = people.locator("#messages .room-message", has_text="Texte de Bruno 1")
    expect(message.get_by_role("button", name=re.compile("^Actions"))).to_have_count(1)
    message.get_by_role("button", name=re.compile("^Actions")).click()
    menu = message.get_by_role("menu")
    expect(menu).to_be_visible()
    expect(menu.get_by_role("menuitem")).to_have_text(["Répondre", "Signaler", "Ne plus lire Bruno"])
    # The keyboard: arrows move in the menu, Escape closes it and returns to its button.
    expect(menu.get_by_role("menuitem", name="Répondre")).to_be_focused()
    people.keyboard.press("ArrowDown")
    expect(menu.get_by_role("menuitem", name="Signaler")).to_be_focused()
    people.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(message.get_by_role("button", name=re.compile("^Actions"))).to_be_focused()
    expect(message.get_by_role("button", name=re.compile("^Actions"))).to_have_attribute("aria-expanded", "false")

    facilitated = animation.locator("#messages .room-message", has_text="Texte de Bruno 1")
    facilitated.get_by_role("button", name=re.compile("^Actions")).click()
    items = facilitated.get_by_role("menuitem")
    expect(items).to_have_text(["Répondre", "Signaler", "Masquer", "Mettre Bruno en sourdine", "Ne plus lire Bruno"])
    expect(animation.get_by_text("Ne plus lire Bruno")).to_have_count(2)  # one per message, none twice
    assert_accessible(people)


def test_pause_closes_the_composer_live_and_resume_opens_it(new_page, room, make_resident, e2e_db):
    people, animation = _side_by_side(new_page, room, make_resident("Jules"))
    box = people.get_by_label("Votre message")
    expect(box).to_be_enabled()
    animation.get_by_role("button", name="Mettre le salon en pause").click()
    expect(box).to_be_disabled()
    expect(people.locator("#send-button")).to_be_disabled()
    expect(people.locator("#composer-notice")).to_contain_text("La salle est en pause")
    animation.get_by_role("button", name="Reprendre").click()
    expect(box).to_be_enabled()
    expect(people.locator("#composer-notice")).to_contain_text("La salle a repris")
    _post(people, "Merci pour la pause.")
    expect(animation.locator("#messages")).to_contain_text("Merci pour la pause.")


def test_the_floor_ends_live_when_its_time_box_runs_out_and_a_hand_goes_up_again(new_page, room, make_resident, e2e_db):
    from debates.models import Debate

    Debate.objects.filter(pk=room.pk).update(mode=Debate.Mode.TURNS)
    people, animation = _side_by_side(new_page, room, make_resident("Dana"))
    people.get_by_role("button", name="Lever la main").click()
    expect(people.locator("#composer-notice")).to_contain_text("Votre main est levée")
    animation.get_by_label("Temps de parole (secondes)").fill("10")
    animation.get_by_role("button", name="Donner la parole à Dana").click()
    expect(people.locator("#floor-label")).to_have_text("Vous avez la parole.")
    # Nobody acts: the server ends the turn when the time box runs out, and everyone sees it.
    expect(people.locator("#floor-label")).to_have_text("Personne n’a la parole.", timeout=20_000)
    expect(animation.locator("#floor-label")).to_have_text("Personne n’a la parole.")
    # Raising the hand again gets an answer, and the hand goes up.
    people.get_by_role("button", name="Lever la main").click()
    expect(people.get_by_role("button", name="Baisser la main")).to_be_visible()
    expect(animation.locator("#console-queue")).to_contain_text("Dana")


def test_a_held_message_stays_in_its_authors_thread_until_decided_and_the_console_names_the_rule(
    new_page, room, make_resident, e2e_db
):
    people, animation = _side_by_side(new_page, room, make_resident("Eli"))
    _post(people, "Ce projet est nul, bande de connards.")
    pending = people.locator("#messages .room-message--pending", has_text="bande de connards")
    expect(pending).to_contain_text("En attente de relecture")
    expect(people.get_by_label("Votre message")).to_have_value("")
    held = animation.locator("#held li", has_text="bande de connards")
    expect(held).to_contain_text("Retenu par la règle : Insultes et injures")
    expect(held).not_to_contain_text("règle : 0")
    people.reload()
    _live(people)
    expect(people.locator("#messages .room-message--pending")).to_contain_text("En attente de relecture")
    held.get_by_role("button", name="Publier").click()
    expect(people.locator("#messages .room-message--pending")).to_have_count(0)
    expect(people.locator("#messages .room-message[data-id]", has_text="bande de connards")).to_have_count(1)


def test_a_refused_message_tells_its_author_in_the_thread(new_page, room, make_resident, e2e_db):
    people, animation = _side_by_side(new_page, room, make_resident("Fanny"))
    _post(people, "Bande de connards.")
    animation.locator("#held li", has_text="Bande de connards").get_by_role("button", name="Refuser").click()
    dialog = animation.get_by_role("dialog", name="Refuser ce message")
    dialog.get_by_label("Raison proposée").select_option("insult")
    dialog.get_by_role("button", name="Confirmer").click()
    expect(people.locator("#messages .room-message--pending")).to_contain_text("Refusé par l’équipe d’animation")


def test_the_presence_count_shows_at_once(new_page, room):
    page = new_page()
    _open(page, room)
    expect(page.locator("#presence")).to_have_text(re.compile(r"^(1 personne|\d+ personnes) dans la salle$"))


def test_ctrl_enter_sends_and_enter_alone_writes_a_new_line(new_page, room, make_resident, e2e_db):
    resident = make_resident("Gaël")
    _charter(resident, room)
    page = new_page()
    login(page, resident.email)
    _open(page, room)
    box = page.get_by_label("Votre message")
    box.click()
    page.keyboard.type("Première ligne")
    page.keyboard.press("Enter")
    page.keyboard.type("deuxième ligne")
    expect(box).to_have_value("Première ligne\ndeuxième ligne")
    page.keyboard.press("Control+Enter")
    expect(page.locator("#messages")).to_contain_text("deuxième ligne")
    expect(box).to_have_value("")


# --- the layout -----------------------------------------------------------------------------------


@BOTH_SIZES
def test_a_reader_scrolled_up_keeps_their_place_and_is_told_of_new_messages(
    new_page, room, make_resident, e2e_db, viewport
):
    _messages(room, make_resident("Hugo"), 30)
    page = new_page()
    _open(page, room, viewport)
    scroller = page.locator("#messages-scroll")
    # The conversation scrolls in its own region, which starts at its end.
    expect(page.locator("#messages .room-message", has_text="Message 29")).to_be_in_viewport()
    scroller.evaluate("el => { el.scrollTop = 0; }")
    speaker = make_resident("Hélène")
    _charter(speaker, room)
    other = new_page()
    login(other, speaker.email)
    _open(other, room)
    _post(other, "Nouveau pendant la lecture")
    expect(other.get_by_label("Votre message")).to_have_value("")
    _post(other, "Et un autre")
    button = page.get_by_role("button", name="2 nouveaux messages")
    expect(button).to_be_visible()
    assert scroller.evaluate("el => el.scrollTop") == 0
    expect(page.locator("#messages .room-message", has_text="Message 0")).to_be_in_viewport()
    button.click()
    expect(page.locator("#messages .room-message", has_text="Et un autre")).to_be_in_viewport()
    expect(button).to_be_hidden()
    # The composer is on screen (sticky on a phone) with the conversation.
    expect(page.get_by_role("link", name="Se connecter pour participer")).to_be_in_viewport()


def test_the_composer_is_at_most_ten_tab_presses_from_the_top(new_page, room, make_resident, e2e_db):
    resident = make_resident("Iris")
    _charter(resident, room)
    _messages(room, make_resident("Jo"), 16)
    page = new_page()
    login(page, resident.email)
    _open(page, room)
    # The first stop is « Aller à la zone de saisie »: one Tab, Enter, and the text box has focus.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Aller à la zone de saisie")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Votre message")).to_be_focused()
    # Through the page itself (skip to the content, then Tab): the conversation is one stop.
    page.goto(room.get_absolute_url())
    _live(page)
    presses = _tab_until(page, "el.textContent.trim() === 'Aller au contenu'")
    page.keyboard.press("Enter")
    presses += _tab_until(page, "el.id === 'id_body'")
    assert presses <= 10, presses


# --- the facilitators' console and the hall screen ---------------------------------------------------


def test_console_on_a_phone_and_a_person_in_the_hall_shares_the_queue_seen_on_the_hall_screen(
    new_page, room, make_resident, e2e_db
):
    resident = make_resident("Karim")
    _charter(resident, room)
    _messages(room, _facilitator(), 3, prefix="Ouverture")
    people, animation, hall = new_page(), new_page(), new_page()
    login(people, resident.email)
    login(animation, "animation@example.org")
    _open(people, room, PHONE)
    _open(animation, room, PHONE)
    hall.set_viewport_size(DESKTOP)
    hall.goto(f"/debats/{room.slug}/salle/")
    expect(hall.get_by_role("img", name="QR code pour rejoindre le débat depuis un téléphone")).to_be_visible()
    expect(hall.locator("#hall-messages")).to_contain_text("Ouverture 2")

    # On a phone, the console is a tab beside the room.
    expect(animation.locator("#facilitation")).to_be_hidden()
    animation.get_by_role("tab", name="Console").click()
    expect(animation.get_by_role("heading", name="Animation")).to_be_visible()
    expect(animation.locator("#messages-scroll")).to_be_hidden()
    expect(animation.get_by_role("link", name="File de modération")).to_have_attribute("href", "/moderation/")
    assert_accessible(animation)

    people.get_by_role("button", name="Lever la main").click()
    animation.get_by_label("Ajouter à la file une personne présente dans la salle").fill("Mme Dupuis")
    animation.get_by_role("button", name="Ajouter à la file").click()
    expect(people.locator("#queue")).to_contain_text("Mme Dupuis (dans la salle)")
    expect(hall.locator("#hall-queue")).to_contain_text("Mme Dupuis")
    animation.get_by_role("button", name="Donner la parole à Mme Dupuis").click()
    expect(people.locator("#floor-label")).to_have_text("Mme Dupuis (dans la salle) a la parole.")
    expect(hall.locator("#hall-floor")).to_have_text("Mme Dupuis (dans la salle) a la parole.")
    expect(hall.locator("#hall-countdown")).to_contain_text("encore")
    # Nobody online may post while the person in the hall has the floor in turns mode; the room
    # sees the messages of the room live on the hall screen.
    animation.get_by_role("tab", name="Salle").click()
    _post(animation, "Merci Mme Dupuis, nous vous écoutons.")
    expect(hall.locator("#hall-messages")).to_contain_text("nous vous écoutons")
    assert_accessible(hall)
    hall.set_viewport_size(PHONE)
    assert_accessible(hall)


@BOTH_SIZES
def test_room_console_and_hall_screen_have_no_serious_accessibility_violation(
    new_page, room, make_resident, e2e_db, viewport
):
    resident = make_resident("Lou")
    _messages(room, resident, 5)
    people, animation = _side_by_side(new_page, room, resident, viewport)
    people.locator("#messages .room-menu__button").last.click()
    assert_accessible(people)
    if viewport is PHONE:
        animation.get_by_role("tab", name="Console").click()
    expect(animation.locator("#facilitation")).to_be_visible()
    assert_accessible(animation)
    hall = new_page()
    hall.set_viewport_size(viewport)
    hall.goto(f"/debats/{room.slug}/salle/")
    expect(hall.locator("#hall-messages")).to_contain_text("Message 4")
    assert_accessible(hall)


def test_keyboard_only_journey_join_charter_post_hand_reply_report(new_page, room, make_resident, e2e_db):
    resident, other = make_resident("Maé"), make_resident("Noé")
    (bruno,) = _messages(room, other, 1, prefix="Proposition de Noé")
    page = new_page()
    login(page, resident.email)
    _open(page, room)
    # Join the conversation: the first Tab stop leads to the text box.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.type("Je rejoins le débat.")
    page.keyboard.press("Control+Enter")
    # The charter, by keyboard: the dialog takes the focus.
    dialog = page.get_by_role("dialog", name="La charte du débat")
    expect(dialog).to_be_visible()
    _tab_until(page, "el.id === 'charter-accept'", limit=20)
    page.keyboard.press("Enter")
    expect(page.locator("#messages")).to_contain_text("Je rejoins le débat.")
    # Raise the hand.
    _tab_until(page, "el.id === 'hand-button'")
    page.keyboard.press("Enter")
    expect(page.locator("#hand-button")).to_have_text("Baisser la main")
    # Reply to Noé: the arrow keys go from message to message.
    _tab_until(page, "el.classList.contains('room-menu__button')")
    for _ in range(5):
        if page.evaluate("document.activeElement.id") == f"menu-button-{bruno.pk}":
            break
        page.keyboard.press("ArrowUp")
    expect(page.locator(f"#menu-button-{bruno.pk}")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("menuitem", name="Répondre")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#reply-text")).to_have_text("En réponse à Noé")
    expect(page.get_by_label("Votre message")).to_be_focused()
    page.keyboard.type("Je suis d’accord avec Noé.")
    page.keyboard.press("Control+Enter")
    reply = page.locator("#messages .room-message", has_text="Je suis d’accord avec Noé.")
    expect(reply.locator(".room-message__reply-to")).to_have_attribute("href", f"#message-{bruno.pk}")
    # Report Noé's message.
    _tab_until(page, f"el.id === 'menu-button-{bruno.pk}' || el.classList.contains('room-menu__button')")
    for _ in range(5):
        if page.evaluate("document.activeElement.id") == f"menu-button-{bruno.pk}":
            break
        page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("menuitem", name="Signaler")).to_be_focused()
    page.keyboard.press("Enter")
    report = page.get_by_role("dialog", name="Signaler ce message")
    expect(report).to_be_visible()
    expect(report.get_by_label("Motif")).to_be_focused()
    page.keyboard.press("ArrowDown")  # the first reason
    _tab_until(page, "el.textContent.trim() === 'Envoyer le signalement'", limit=10)
    page.keyboard.press("Enter")
    expect(page.locator("#composer-notice")).to_contain_text("examiner votre signalement")
    expect(page.locator(f"#menu-button-{bruno.pk}")).to_be_focused()
