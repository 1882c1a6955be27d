"""Notifications in a real browser: the association's proposal reaches the city agent's bell;
the agent opens it from /notifications/; the pages work without JavaScript and pass axe-core
at desktop and phone widths."""

import re
import uuid

from tests.e2e.conftest import assert_accessible, login


def _propose_and_submit(page, title: str) -> str:
    page.goto("/pactes/proposer/")
    page.get_by_label("Titre du pacte").fill(title)
    page.get_by_label("Une association ou une organisation").check()
    page.get_by_label(re.compile(r"^Organisation")).select_option(label="Les Jardins partagés du quartier")
    page.get_by_label("Bien commun concerné").select_option(label="Jardin des Lilas")
    page.get_by_label("Votre idée").fill("Un composteur partagé au pied des immeubles.")
    page.get_by_label(re.compile("J’accepte que cette proposition soit publiée")).check()
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    page.wait_for_url(re.compile(r"/pactes/\d+/$"))
    pact_url = page.url
    with page.expect_navigation():
        page.get_by_role("button", name="Déposer la proposition").click()
    return pact_url


def _unread(page) -> int:
    text = page.locator("[data-notifications-count]").inner_text()
    return int(text)


def test_the_associations_proposal_appears_in_the_agents_bell(live_url, new_page, e2e_db):
    agent = new_page()
    login(agent, "agent@example.org")
    agent.goto("/notifications/")
    agent.get_by_role("button", name="Tout marquer comme lu").click()
    agent.wait_for_load_state()
    assert agent.locator(".bell__count").is_hidden()

    title = f"Composteur des Tilleuls {uuid.uuid4().hex[:6]}"
    association = new_page()
    login(association, "association@example.org")
    pact_url = _propose_and_submit(association, title)

    agent.goto("/")
    bell = agent.get_by_role("link", name=re.compile(r"Notifications"))
    assert bell.is_visible() and _unread(agent) == 1
    bell.click()
    agent.wait_for_url(re.compile(r"/notifications/$"))
    item = agent.locator(".notification--unread").filter(has_text=title)
    assert "a proposé le pacte" in item.inner_text()
    for width, height in ((1280, 900), (375, 800)):
        agent.set_viewport_size({"width": width, "height": height})
        assert_accessible(agent)
    item.get_by_role("button", name=re.compile("^Ouvrir")).click()
    agent.wait_for_url(pact_url)
    assert agent.get_by_role("heading", level=1).inner_text() == title
    assert agent.locator(".bell__count").is_hidden()


def test_notification_pages_work_without_javascript_and_pass_axe(live_url, new_page, e2e_db):
    page = new_page(javascript=False)
    login(page, "habitant@example.org")
    for path in ("/notifications/", "/compte/notifications/"):
        for width, height in ((1280, 900), (375, 800)):
            page.set_viewport_size({"width": width, "height": height})
            page.goto(path)
            assert page.get_by_role("heading", level=1).is_visible()
    page.goto("/compte/notifications/")
    page.get_by_label("Une réponse à mon message dans un débat").select_option(label="Dans un résumé hebdomadaire")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_load_state()
    assert "Vos choix sont enregistrés." in page.locator("main").inner_text()
    assert page.get_by_label("Une réponse à mon message dans un débat").input_value() == "weekly"
    from accounts.models import User
    from notifications.render import unsubscribe_token

    resident = User.objects.get(email="habitant@example.org")
    unsubscribe = f"/notifications/desabonnement/{unsubscribe_token(resident.pk, 'pact_ending')}/"
    scripted = new_page()
    scripted.goto(unsubscribe)
    assert_accessible(scripted)
    scripted.get_by_role("button", name="Arrêter ces courriels").click()
    scripted.wait_for_load_state()
    assert "vous ne recevrez plus ces courriels" in scripted.locator("main").inner_text()
    assert_accessible(scripted)
    login(scripted, "habitant@example.org")
    for path in ("/notifications/", "/compte/notifications/"):
        for width, height in ((1280, 900), (375, 800)):
            scripted.set_viewport_size({"width": width, "height": height})
            scripted.goto(path)
            assert_accessible(scripted)


def test_a_reply_in_a_room_rings_the_bell_live_then_waits_in_the_inbox_and_the_mailbox(
    live_url, new_page, e2e_db, mail_dir
):
    from allauth.account.models import EmailAddress
    from playwright.sync_api import expect

    from accounts.models import User
    from debates.models import Debate
    from tests.e2e.conftest import DEMO_PASSWORD

    n = uuid.uuid4().hex[:8]
    debate = Debate.objects.create(title=f"Débat {n}", slug=f"debat-cloche-{n}", question="Des bancs ?", status="open")
    people = []
    for name in ("Aline", "Bastien"):
        email = f"{name.lower()}-{n}@example.org"
        User.objects.create_user(email=email, password=DEMO_PASSWORD, display_name=f"{name} {n}")
        EmailAddress.objects.create(user=User.objects.get(email=email), email=email, verified=True, primary=True)
        people.append(email)
    author, replier = new_page(), new_page()
    for page, email in ((author, people[0]), (replier, people[1])):
        login(page, email)
        page.goto(debate.get_absolute_url())
        expect(page.locator("#connection-status")).to_contain_text("En direct")
    author.get_by_label("Votre message").fill("Des bancs à l’ombre, s’il vous plaît.")
    author.locator("#send-button").click()
    author.get_by_role("dialog", name="La charte du débat").get_by_role("button", name="J’accepte la charte").click()
    message = replier.locator("#messages .room-message", has_text="Des bancs à l’ombre")
    expect(message).to_have_count(1)
    message.get_by_role("link", name="Répondre").click()
    replier.get_by_label("Votre message").fill("Bonne idée, près de l’école.")
    replier.locator("#send-button").click()
    replier.get_by_role("dialog", name="La charte du débat").get_by_role("button", name="J’accepte la charte").click()
    expect(author.locator("#messages")).to_contain_text("près de l’école")

    # The bell of the author follows the room's socket; the change is said politely.
    expect(author.locator("[data-notifications-count]")).to_have_text("1")
    expect(author.locator(".bell__count")).to_be_visible()
    expect(author.locator("[data-notifications-live]")).to_contain_text("1 notification non lue")
    author.goto("/notifications/")
    expect(author.locator(".notification--unread")).to_contain_text(f"Bastien {n} a répondu à votre message")
    mails = "".join(path.read_text() for path in mail_dir.glob("*.log"))
    assert f"To: {people[0]}" in mails
