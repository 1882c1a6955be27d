"""The hall screen (/debats/<slug>/salle/) and the links staff see in the site header."""

import pytest
from django.test import override_settings

from debates import services
from debates.models import Debate, Message


def test_hall_screen_shows_floor_queue_last_messages_and_a_qr_code(client, debate, facilitator, resident, joined):
    joined(resident)
    for n in range(8):
        Message.objects.create(debate=debate, author=resident, body="m", body_html=f"Message numéro {n}", seq=100 + n)
    services.hall_speaker_add(actor=facilitator, debate=debate, name="Mme Dupuis")
    services.floor_give(actor=facilitator, debate=debate, user_id=resident.pk)
    with override_settings(SITE_URL="https://ville.example"):
        page = client.get(f"/debats/{debate.slug}/salle/").content.decode()
    assert "Dominique a la parole." in page
    assert "Mme Dupuis" in page and "dans la salle" in page
    # The last six messages, readable from the back of the hall.
    assert "Message numéro 7" in page and "Message numéro 2" in page and "Message numéro 1" not in page
    # The QR code is drawn by the server, inline: nothing is fetched from elsewhere.
    assert '<svg role="img" aria-label="QR code pour rejoindre le débat depuis un téléphone"' in page
    assert f"https://ville.example/debats/{debate.slug}/" in page
    assert "<img" not in page.split('class="hall-qr"')[1].split("</div>")[0]


def test_hall_screen_of_an_unknown_debate_is_404(client, db):
    assert client.get("/debats/nulle-part/salle/").status_code == 404


def test_hall_screen_refuses_post(client, debate):
    assert client.post(f"/debats/{debate.slug}/salle/").status_code == 405


def test_hall_screen_query_count_is_flat(client, make_debate, make_user, facilitator, django_assert_max_num_queries):
    debate = make_debate(facilitators=[facilitator])
    authors = [make_user() for _ in range(10)]
    Message.objects.bulk_create(
        Message(debate=debate, author=authors[n % 10], body=f"m{n}", body_html=f"m{n}", seq=n + 1) for n in range(300)
    )
    for n in range(20):
        services.hall_speaker_add(actor=facilitator, debate=debate, name=f"Personne {n}")
    with django_assert_max_num_queries(10):
        assert client.get(f"/debats/{debate.slug}/salle/").status_code == 200


@pytest.mark.parametrize(("who", "moderation", "admin"), [("resident", False, False), ("facilitator", False, False)])
def test_header_links_to_moderation_and_admin_only_for_staff(
    client_for, debate, resident, facilitator, who, moderation, admin
):
    user = {"resident": resident, "facilitator": facilitator}[who]
    page = client_for(user).get("/debats/").content.decode()
    assert ('href="/moderation/"' in page) is moderation
    assert ('href="/admin/"' in page) is admin


def test_header_links_for_a_superuser(client_for, make_user):
    page = client_for(make_user(superuser=True)).get("/debats/").content.decode()
    assert 'href="/moderation/"' in page and 'href="/admin/"' in page


def test_room_page_has_the_console_the_skip_link_and_the_authors_pending_message(
    client_for, debate, facilitator, resident
):
    Message.objects.create(debate=debate, author=resident, body="x", body_html="En attente", state=Message.State.HELD)
    page = client_for(resident).get(debate.get_absolute_url()).content.decode()
    assert 'class="skip-link" href="#composer">Aller à la zone de saisie' in page
    assert 'class="room-message room-message--pending" id="pending-' in page and "En attente de relecture" in page
    assert 'id="facilitation"' not in page
    console = client_for(facilitator).get(debate.get_absolute_url()).content.decode()
    assert 'id="facilitation"' in console and 'href="/moderation/"' in console
    assert f'href="/debats/{debate.slug}/salle/"' in console
    assert 'class="room-message room-message--pending" id="pending-' not in console
    assert Debate.objects.get(pk=debate.pk).last_seq == 0
