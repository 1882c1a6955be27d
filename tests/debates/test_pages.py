"""The pages of the debates without JavaScript: list, room, posting form, closing, downloads."""

import json
import uuid

import pytest
from django.utils import timezone

from debates import services
from debates.models import Debate, DebateSession, Message, Participation


def form_data(body="Bonjour, je voudrais parler du parc", **extra):
    return {"body": body, "client_id": str(uuid.uuid4()), "reformulation": "", **extra}


def test_index_lists_open_upcoming_with_sessions_and_closed_with_synthesis(client, make_debate):
    make_debate(title="Ouvert maintenant")
    upcoming = make_debate(title="Bientôt", status=Debate.Status.SCHEDULED)
    start = timezone.now() + timezone.timedelta(days=3)
    DebateSession.objects.create(debate=upcoming, starts_at=start, ends_at=start + timezone.timedelta(hours=2))
    make_debate(title="Terminé", status=Debate.Status.CLOSED, synthesis="Nous retenons trois pistes.")
    make_debate(title="Caché", visibility=Debate.Visibility.UNLISTED)
    page = client.get("/debats/").content.decode()
    assert page.index("Ouvert maintenant") < page.index("Bientôt") < page.index("Terminé")
    assert "Nous retenons trois pistes." in page
    assert f'datetime="{timezone.localtime(start).isoformat()}"' in page or start.strftime("%Y") in page
    assert "Caché" not in page


def test_index_query_count_does_not_grow_with_debates(client, make_debate, django_assert_max_num_queries):
    for n in range(30):
        debate = make_debate(status=[Debate.Status.OPEN, Debate.Status.SCHEDULED, Debate.Status.CLOSED][n % 3])
        start = timezone.now() + timezone.timedelta(days=n + 1)
        DebateSession.objects.create(debate=debate, starts_at=start, ends_at=start + timezone.timedelta(hours=1))
    with django_assert_max_num_queries(8):
        assert client.get("/debats/").status_code == 200


def test_calendar_exports_coming_and_recent_sessions_as_icalendar(client, make_debate):
    from icalendar import Calendar

    debate = make_debate(title="Place du marché", status=Debate.Status.SCHEDULED)
    start = timezone.now() + timezone.timedelta(days=2)
    DebateSession.objects.create(
        debate=debate, title="Première séance", starts_at=start, ends_at=start + timezone.timedelta(hours=1)
    )
    past = timezone.now() - timezone.timedelta(days=2)
    DebateSession.objects.create(
        debate=debate, title="Passée", starts_at=past, ends_at=past + timezone.timedelta(hours=1)
    )
    for url in ("/debats/agenda.ics", f"/debats/{debate.slug}/agenda.ics"):
        response = client.get(url)
        assert response["Content-Type"].startswith("text/calendar")
        events = Calendar.from_ical(response.content).walk("VEVENT")
        assert [str(e["summary"]) for e in events] == ["Passée", "Première séance"]
        assert (
            events[1].decoded("dtstart") == start.replace(microsecond=0)
            or abs((events[1].decoded("dtstart") - start).total_seconds()) < 1
        )


def test_room_shows_the_transcript_with_tombstones_to_anonymous_visitors(client, debate, resident, facilitator, joined):
    joined(resident)
    kept = services.message_post(
        actor=resident, debate=debate, client_id=uuid.uuid4(), body="Je propose des bancs"
    ).message
    gone = services.message_post(actor=resident, debate=debate, client_id=uuid.uuid4(), body="Texte masqué").message
    services.message_hide(actor=facilitator, debate=debate, message_id=gone.pk, reason="Hors sujet")
    page = client.get(debate.get_absolute_url()).content.decode()
    assert f'id="message-{kept.pk}"' in page and "Je propose des bancs" in page
    assert "Texte masqué" not in page and "Hors sujet" in page
    assert 'aria-live="polite"' in page
    assert 'data-last-seq="3"' in page
    assert "Se connecter pour participer" in page or "Connectez-vous" in page or "/accounts/login/" in page
    assert 'id="facilitation"' not in page


def test_room_page_query_count_is_flat_with_a_thousand_messages(
    client_for, make_debate, resident, make_user, django_assert_max_num_queries
):
    debate = make_debate()
    authors = [make_user() for _ in range(20)]
    Message.objects.bulk_create(
        Message(
            debate=debate,
            author=authors[n % 20],
            body=f"m{n}",
            body_html=f"m{n}",
            seq=n + 1,
            published_at=timezone.now(),
        )
        for n in range(1000)
    )
    client = client_for(resident)
    with django_assert_max_num_queries(15):
        response = client.get(debate.get_absolute_url())
    assert response.content.decode().count('class="room-message" id=') == 1000


def test_room_shows_facilitator_controls_to_facilitators_only(client_for, debate, facilitator, make_user):
    from accounts.roles import Role

    assert 'id="facilitation"' in client_for(facilitator).get(debate.get_absolute_url()).content.decode()
    other = make_user(roles=[Role.FACILITATOR])
    assert 'id="facilitation"' not in client_for(other).get(debate.get_absolute_url()).content.decode()


def test_room_unknown_slug_is_404(client, db):
    assert client.get("/debats/nulle-part/").status_code == 404


def test_post_form_requires_the_charter_then_publishes(client_for, debate, resident):
    client = client_for(resident)
    page = client.get(debate.get_absolute_url()).content.decode()
    assert 'id="charter-form"' in page
    assert 'id="message-form" class="room__form" novalidate hidden' in page
    response = client.post(f"/debats/{debate.slug}/messages/", form_data())
    assert response.status_code == 400 and not Message.objects.exists()
    client.post(f"/debats/{debate.slug}/charte/")
    response = client.post(f"/debats/{debate.slug}/messages/", form_data())
    message = Message.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"#message-{message.pk}")
    assert message.state == "published" and message.seq == 1


def test_post_form_twice_with_the_same_client_id_stores_once(client_for, debate, resident, joined):
    joined(resident)
    client = client_for(resident)
    data = form_data()
    client.post(f"/debats/{debate.slug}/messages/", data)
    client.post(f"/debats/{debate.slug}/messages/", data)
    assert Message.objects.count() == 1


def test_post_form_too_long_shows_the_error_and_stores_nothing(client_for, debate, resident, joined):
    joined(resident)
    response = client_for(resident).post(f"/debats/{debate.slug}/messages/", form_data("a" * 2001))
    assert response.status_code == 400
    assert "trop long" in response.content.decode()
    assert not Message.objects.exists()


def test_post_form_anonymous_is_sent_to_login(client, debate):
    response = client.post(f"/debats/{debate.slug}/messages/", form_data())
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Message.objects.exists()


def test_post_form_nudge_asks_for_confirmation_then_publishes(client_for, debate, resident, joined, monkeypatch):
    from debates import posting
    from moderation.pipeline import Decision, Verdict

    monkeypatch.setattr(
        posting,
        "profile_steps",
        lambda p: [(lambda c, params: Verdict(Decision.NUDGE, rule="x", explanation="Pensez à parler de vous."), {})],
    )
    joined(resident)
    client = client_for(resident)
    data = form_data("Vous avez tort")
    response = client.post(f"/debats/{debate.slug}/messages/", data)
    assert response.status_code == 200 and "Pensez à parler de vous." in response.content.decode()
    assert not Message.objects.exists()
    assert 'name="confirm" value="on"' in response.content.decode()
    client.post(f"/debats/{debate.slug}/messages/", {**data, "confirm": "on"})
    assert Message.objects.get().body == "Vous avez tort"


def test_follow_and_unfollow(client_for, debate, resident):
    client = client_for(resident)
    client.post(f"/debats/{debate.slug}/suivre/", {"follow": "1"})
    assert Participation.objects.get(user=resident).following is True
    client.post(f"/debats/{debate.slug}/suivre/", {"follow": "0"})
    assert Participation.objects.get(user=resident).following is False


def test_hand_form_raises_and_lowers(client_for, debate, resident, joined):
    joined(resident)
    client = client_for(resident)
    client.post(f"/debats/{debate.slug}/main/", {"raise": "1"})
    assert Participation.objects.get(user=resident).hand_raised_at is not None
    client.post(f"/debats/{debate.slug}/main/", {"raise": "0"})
    assert Participation.objects.get(user=resident).hand_raised_at is None


def test_close_page_is_for_facilitators_and_publishes_the_synthesis(client_for, debate, facilitator, resident):
    assert client_for(resident).get(f"/debats/{debate.slug}/cloture/").status_code == 403
    assert client_for(resident).post(f"/debats/{debate.slug}/cloture/", {"synthesis": "x"}).status_code == 403
    client = client_for(facilitator)
    assert client.post(f"/debats/{debate.slug}/cloture/", {"synthesis": ""}).status_code == 400
    response = client.post(f"/debats/{debate.slug}/cloture/", {"synthesis": "Trois propositions retenues."})
    assert response.status_code == 302
    debate.refresh_from_db()
    assert debate.status == "closed" and debate.synthesis == "Trois propositions retenues." and debate.closed_at
    assert "Trois propositions retenues." in client_for(None).get(debate.get_absolute_url()).content.decode()


def test_transcripts_download_public_content_only(client, debate, resident, facilitator, joined):
    joined(resident)
    services.message_post(actor=resident, debate=debate, client_id=uuid.uuid4(), body="Des bancs à l’ombre")
    gone = services.message_post(actor=resident, debate=debate, client_id=uuid.uuid4(), body="Secret").message
    services.message_hide(actor=facilitator, debate=debate, message_id=gone.pk, reason="Données personnelles")
    response = client.get(f"/debats/{debate.slug}/transcription.json")
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert [(m["author"], m["body"], m["hidden_reason"]) for m in data["messages"]] == [
        ("Dominique", "Des bancs à l’ombre", None),
        ("Dominique", None, "Données personnelles"),
    ]
    assert resident.email not in response.content.decode()
    html = client.get(f"/debats/{debate.slug}/transcription.html").content.decode()
    assert "Des bancs à l’ombre" in html and "Secret" not in html and resident.email not in html


@pytest.mark.parametrize(
    "url", ["/debats/{slug}/charte/", "/debats/{slug}/suivre/", "/debats/{slug}/main/", "/debats/{slug}/messages/"]
)
def test_post_views_refuse_get(client_for, debate, resident, url):
    assert client_for(resident).get(url.format(slug=debate.slug)).status_code == 405


def test_selectors_for_the_programme(make_debate, django_assert_num_queries):
    from debates import selectors

    open_debate = make_debate(title="A", engagement=None)
    make_debate(title="B", status=Debate.Status.SCHEDULED)
    make_debate(title="C", status=Debate.Status.CLOSED)
    make_debate(title="D", visibility=Debate.Visibility.UNLISTED)
    with django_assert_num_queries(1):
        home = selectors.debates_for_home(user=None, limit=5)
    assert [d.title for d in home] == ["A", "B"]
    assert home[0].get_absolute_url() == f"/debats/{open_debate.slug}/"
    assert str(home[0].get_status_display()) == "Ouvert"


def test_debates_for_engagement_lists_open_then_upcoming_then_closed_in_one_query(
    make_debate, django_assert_num_queries
):
    from wagtail.models import Page

    from cite.models import EngagementPage
    from debates import selectors

    engagement = Page.get_first_root_node().add_child(
        instance=EngagementPage(title="Dialogue", slug="dialogue", number=9)
    )
    closed = make_debate(title="Clos", status=Debate.Status.CLOSED, engagement=engagement)
    upcoming = make_debate(title="À venir", status=Debate.Status.SCHEDULED, engagement=engagement)
    current = make_debate(title="Ouvert", engagement=engagement)
    make_debate(title="Ailleurs")
    with django_assert_num_queries(1):
        found = selectors.debates_for_engagement(engagement_id=engagement.pk, user=None)
    assert found == [current, upcoming, closed]
