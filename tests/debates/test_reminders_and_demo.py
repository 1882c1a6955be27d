"""Session reminders by e-mail to followers, and the demo data."""

import io

import pytest
from django.core import mail
from django.utils import timezone

from debates import services, tasks
from debates.models import Debate, DebateSession


def session_in(debate, hours):
    start = timezone.now() + timezone.timedelta(hours=hours)
    return DebateSession.objects.create(debate=debate, starts_at=start, ends_at=start + timezone.timedelta(hours=1))


def test_reminder_goes_once_to_followers_of_sessions_due(
    debate, resident, other_resident, make_user, django_capture_on_commit_callbacks
):
    services.debate_follow(actor=resident, debate=debate, follow=True)
    english = make_user(display_name="Sam")
    english.preferred_language = "en"
    english.save()
    services.debate_follow(actor=english, debate=debate, follow=True)
    services.debate_follow(actor=other_resident, debate=debate, follow=False)
    due = session_in(debate, 3)
    session_in(debate, 72)  # too early for a reminder
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.send_session_reminders.delay().get() == 1
    assert sorted(m.to[0] for m in mail.outbox) == sorted([resident.email, english.email])
    french = next(m for m in mail.outbox if m.to == [resident.email])
    assert debate.title in french.subject and "Rappel" in french.subject
    assert f"/debats/{debate.slug}/" in french.body
    assert "Reminder" in next(m for m in mail.outbox if m.to == [english.email]).subject
    due.refresh_from_db()
    assert due.reminder_sent_at is not None
    # The next run, or a retried task, sends nothing again.
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.send_session_reminders.delay().get() == 0
        assert tasks.send_session_reminder.delay(due.pk).get() == 0
    assert len(mail.outbox) == 2


def test_reminder_skips_closed_debates(make_debate, resident):
    closed = make_debate(status=Debate.Status.CLOSED)
    services.debate_follow(actor=resident, debate=closed, follow=True)
    session_in(closed, 2)
    assert tasks.send_session_reminders.delay().get() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_demo_is_idempotent_and_has_an_open_debate_with_facilitator_messages_and_session():
    from accounts import demo as accounts_demo
    from debates import demo

    accounts_demo.load(stdout=io.StringIO())
    demo.load(stdout=io.StringIO())
    demo.load(stdout=io.StringIO())
    debate = Debate.objects.get(slug=demo.OPEN_SLUG)
    assert debate.status == "open"
    assert list(debate.facilitators.values_list("email", flat=True)) == ["animation@example.org"]
    assert debate.messages.filter(state="published").count() == len(demo.MESSAGES)
    assert debate.sessions.filter(starts_at__gt=timezone.now()).count() == 1
    assert Debate.objects.count() == 3
    assert Debate.objects.get(slug="fete-des-voisins").synthesis
