"""The debates' calendars as subscribers' clients read them: the same events, with stable UIDs
that name the site's host, a real DTSTAMP, METHOD:PUBLISH, place, description and URL, and the
past year's sessions kept — read with icalendar, vobject and ics."""

import pytest
from django.utils import timezone

from debates.models import Debate, DebateSession

pytestmark = pytest.mark.django_db


@pytest.fixture
def sessions(make_debate, settings):
    settings.SITE_URL = "https://ville-exemple.fr"
    debate = make_debate(title="Place du marché", question="Que faire de la place le dimanche ?")
    now = timezone.now()
    coming = DebateSession.objects.create(
        debate=debate,
        title="Deuxième séance",
        starts_at=now + timezone.timedelta(days=3),
        ends_at=now + timezone.timedelta(days=3, hours=2),
        location="Salle des fêtes, 1 place de la Mairie",
    )
    recent = DebateSession.objects.create(
        debate=debate, starts_at=now - timezone.timedelta(days=30), ends_at=now - timezone.timedelta(days=30, hours=-1)
    )
    old = DebateSession.objects.create(
        debate=debate,
        starts_at=now - timezone.timedelta(days=400),
        ends_at=now - timezone.timedelta(days=400, hours=-1),
    )
    closed = make_debate(title="Ancien débat", status=Debate.Status.CLOSED)
    past_of_closed = DebateSession.objects.create(
        debate=closed, starts_at=now - timezone.timedelta(days=10), ends_at=now - timezone.timedelta(days=10, hours=-1)
    )
    return debate, coming, recent, old, past_of_closed


def test_calendar_events_carry_what_subscribers_need_icalendar(client, sessions):
    from icalendar import Calendar

    debate, coming, recent, _old, past_of_closed = sessions
    calendar = Calendar.from_ical(client.get("/debats/agenda.ics").content)

    assert str(calendar["method"]) == "PUBLISH"
    events = {str(event["uid"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {f"debate-session-{s.pk}@ville-exemple.fr" for s in (coming, recent, past_of_closed)}, (
        "coming and past year's sessions, nothing older"
    )
    event = events[f"debate-session-{coming.pk}@ville-exemple.fr"]
    assert event.decoded("dtstamp") != event.decoded("dtstart")
    assert abs((event.decoded("dtstamp") - coming.updated_at).total_seconds()) < 1
    assert str(event["location"]) == "Salle des fêtes, 1 place de la Mairie"
    assert "Que faire de la place le dimanche ?" in str(event["description"])
    assert str(event["url"]) == f"https://ville-exemple.fr/debats/{debate.slug}/"
    online = events[f"debate-session-{recent.pk}@ville-exemple.fr"]
    assert f"https://ville-exemple.fr/debats/{debate.slug}/" in str(online["location"])


def test_calendar_reads_the_same_with_vobject_and_ics(client, sessions):
    import ics
    import vobject

    debate, coming, recent, _old, _closed = sessions
    body = client.get(f"/debats/{debate.slug}/agenda.ics").content.decode()

    parsed = vobject.readOne(body)
    assert parsed.method.value == "PUBLISH"
    uids = sorted(event.uid.value for event in parsed.vevent_list)
    assert uids == sorted(f"debate-session-{s.pk}@ville-exemple.fr" for s in (coming, recent))
    by_uid = {event.uid.value: event for event in parsed.vevent_list}
    assert by_uid[f"debate-session-{coming.pk}@ville-exemple.fr"].location.value.startswith("Salle des fêtes")

    other = ics.Calendar(body)
    assert sorted(event.uid for event in other.events) == uids
    named = {event.uid: event for event in other.events}[f"debate-session-{coming.pk}@ville-exemple.fr"]
    assert named.name == "Deuxième séance"
    assert named.url == f"https://ville-exemple.fr/debats/{debate.slug}/"
    assert named.begin.datetime.timestamp() == int(coming.starts_at.timestamp())


def test_uid_is_stable_from_one_download_to_the_next_and_changes_host_with_the_site(client, sessions, settings):
    from icalendar import Calendar

    first = [str(e["uid"]) for e in Calendar.from_ical(client.get("/debats/agenda.ics").content).walk("VEVENT")]
    again = [str(e["uid"]) for e in Calendar.from_ical(client.get("/debats/agenda.ics").content).walk("VEVENT")]
    settings.SITE_URL = "https://autre-ville.fr"
    other = [str(e["uid"]) for e in Calendar.from_ical(client.get("/debats/agenda.ics").content).walk("VEVENT")]

    assert first == again
    assert not set(first) & set(other)


def test_changing_a_session_moves_its_dtstamp_and_the_etag(client, sessions):
    from icalendar import Calendar

    _debate, coming, *_rest = sessions
    first = client.get("/debats/agenda.ics")
    coming.starts_at += timezone.timedelta(hours=1)
    coming.ends_at += timezone.timedelta(hours=1)
    coming.save()

    second = client.get("/debats/agenda.ics", headers={"if-none-match": first["ETag"]})

    assert second.status_code == 200
    events = {str(e["uid"]): e for e in Calendar.from_ical(second.content).walk("VEVENT")}
    event = events[f"debate-session-{coming.pk}@ville-exemple.fr"]
    assert abs((event.decoded("dtstamp") - coming.updated_at).total_seconds()) < 1


def test_sessions_csv_lists_public_debates_sessions_only(client, sessions, make_debate):
    import csv
    import io

    hidden = make_debate(title="Réunion interne", visibility=Debate.Visibility.UNLISTED)
    now = timezone.now()
    DebateSession.objects.create(debate=hidden, starts_at=now, ends_at=now + timezone.timedelta(hours=1))

    text = client.get("/debats/seances.csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))

    assert len(rows) == 4 and "Réunion interne" not in text
    assert all(row["uid"].endswith("@ville-exemple.fr") for row in rows)
