"""Deadlines and reminders, with time travel: each reminder goes out once, at the right time, to
the right people; consultations close and pacts expire by themselves; late items show publicly.

The pacts of ``make_pact`` run from 1 January to 31 December 2027 with three parties: the
proponent association (represented by ``people.proponent``), a partner (``people.other_party``)
and the city department.
"""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from pactes import tasks
from pactes.models import Pact, PactReport, Reminder

S = Pact.Status


def _at(year, month, day, hour=9):
    return time_machine.travel(dt.datetime(year, month, day, hour, tzinfo=dt.UTC), tick=False)


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """``send()`` runs the scheduled task and returns the reminders it sent, as
    ``(kind, {recipients' addresses})``, from the e-mails that went out after commit."""

    def run() -> list[tuple[str, set[str]]]:
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            ids = tasks.send_reminders.delay().get()
        by_pact_kind: dict[tuple, set[str]] = {}
        reminders = list(Reminder.objects.filter(pk__in=ids).order_by("pk"))
        for message in mail.outbox:
            by_pact_kind.setdefault(message.extra_headers["X-Pact-Reminder"], set()).update(message.to)
        return [(r.kind, by_pact_kind.get(f"{r.pact_id}:{r.kind}:{r.days_before}", set())) for r in reminders]

    return run


def _addresses(*users) -> set[str]:
    return {u.email for u in users}


def test_city_answer_overdue_reminder_goes_to_city_agents_once_after_30_days(people, make_pact, send):
    with _at(2026, 3, 1):
        pact = make_pact(status=S.SUBMITTED)
        Pact.objects.filter(pk=pact.pk).update(status_changed_at=timezone.now())
    with _at(2026, 3, 30):
        assert send() == []
    with _at(2026, 4, 1):
        assert send() == [(Reminder.Kind.CITY_ANSWER_OVERDUE, _addresses(people.city_agent))]
        assert "30" in mail.outbox[0].body and pact.title in mail.outbox[0].subject
    with _at(2026, 4, 2):
        assert send() == []
    assert Reminder.objects.filter(pact=pact).count() == 1


def test_consultation_closing_reminder_then_the_consultation_closes_by_itself(people, make_pact, send):
    with _at(2026, 5, 1):
        pact = make_pact(status=S.CONSULTATION)  # closes on 8 May
    everyone = _addresses(people.proponent, people.other_party, people.city_agent)
    with _at(2026, 5, 4):
        assert send() == []
    with _at(2026, 5, 5, 10):
        assert send() == [(Reminder.Kind.CONSULTATION_CLOSING, everyone)]
        assert send() == []
        assert tasks.close_due_consultations.delay().get() == []
    with _at(2026, 5, 8, 10):
        assert tasks.close_due_consultations.delay().get() == [pact.pk]
        assert tasks.close_due_consultations.delay().get() == []
    pact.refresh_from_db()
    assert pact.status == S.CO_DESIGN
    assert pact.events.filter(transition="close_consultation", actor__isnull=True).count() == 1


def test_report_reminders_30_days_before_and_on_the_due_date_to_the_parties(people, make_pact, send):
    pact = make_pact(status=S.ACTIVE)
    parties = _addresses(people.proponent, people.other_party)
    with _at(2027, 11, 30):
        assert [kind for kind, _ in send() if kind.startswith("report")] == []
    with _at(2027, 12, 1):
        assert (Reminder.Kind.REPORT_SOON, parties) in send()
        assert all(kind != Reminder.Kind.REPORT_SOON for kind, _ in send())
    with _at(2027, 12, 31):
        sent = dict(send())
        assert sent[Reminder.Kind.REPORT_DUE] == parties | _addresses(people.city_agent)
    assert Reminder.objects.filter(pact=pact, kind__startswith="report").count() == 2


def test_no_report_reminder_once_the_report_is_filed(people, make_pact, send):
    pact = make_pact(status=S.ACTIVE)
    PactReport.objects.create(
        pact=pact,
        period=1,
        period_start=dt.date(2027, 1, 1),
        period_end=dt.date(2027, 12, 31),
        actions="a",
        results="r",
    )
    with _at(2027, 12, 1):
        assert [kind for kind, _ in send() if kind.startswith("report")] == []


def test_ending_reminders_60_and_30_days_before_then_the_pact_expires_on_its_end_date(people, make_pact, send):
    pact = make_pact(status=S.ACTIVE)
    everyone = _addresses(people.proponent, people.other_party, people.city_agent)
    with _at(2027, 10, 31):
        assert [k for k, _ in send() if k == Reminder.Kind.ENDING] == []
    with _at(2027, 11, 1):  # 60 days before 31 December
        assert (Reminder.Kind.ENDING, everyone) in send()
        assert [k for k, _ in send() if k == Reminder.Kind.ENDING] == []
    with _at(2027, 12, 1):  # 30 days before
        assert (Reminder.Kind.ENDING, everyone) in send()
    assert sorted(Reminder.objects.filter(pact=pact, kind="ending").values_list("days_before", flat=True)) == [30, 60]
    with _at(2027, 12, 30):
        assert tasks.expire_ended_pacts.delay().get() == []
    with _at(2027, 12, 31):
        assert tasks.expire_ended_pacts.delay().get() == [pact.pk]
    pact.refresh_from_db()
    assert (pact.status, pact.end_reason) == (S.ENDED, "expired")


def test_reminders_skip_people_who_deleted_their_account(people, make_pact, send):
    pact = make_pact(status=S.ACTIVE)
    people.other_party.deleted_at = timezone.now()
    people.other_party.save()
    with _at(2027, 12, 1):
        sent = send()
    assert sent and people.other_party.email not in set().union(*(to for _, to in sent))
    assert Reminder.objects.filter(pact=pact).exists()


@pytest.mark.parametrize(
    ("status", "day", "late"),
    [
        (S.SUBMITTED, dt.date(2026, 3, 31), []),
        (S.SUBMITTED, dt.date(2026, 4, 1), [Reminder.Kind.CITY_ANSWER_OVERDUE]),
        (S.ACTIVE, dt.date(2027, 12, 31), []),
        (S.ACTIVE, dt.date(2028, 1, 1), [Reminder.Kind.REPORT_DUE]),
    ],
)
def test_overdue_items_show_publicly_on_the_pact_page(status, day, late, client, make_pact):
    with _at(2026, 3, 1):
        pact = make_pact(status=status)
        Pact.objects.filter(pk=pact.pk).update(status_changed_at=timezone.now())
    with _at(day.year, day.month, day.day):
        page = client.get(pact.get_absolute_url()).content.decode()
    assert ("overdue-items" in page) == bool(late)
    if Reminder.Kind.CITY_ANSWER_OVERDUE in late:
        assert "The city has not answered" in page or "La ville n’a pas répondu" in page
    if Reminder.Kind.REPORT_DUE in late:
        assert "31 décembre 2027" in page


def test_reminders_run_on_the_beat_schedule(settings):
    from cite.celery import app

    entry = settings.CELERY_BEAT_SCHEDULE["pactes-send-reminders"]
    assert entry["task"] == "pactes.tasks.send_reminders"
    assert entry["task"] in app.tasks
