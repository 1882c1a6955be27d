"""Deadlines of a pact and the reminders about them (DESIGN §8): the city's answer to a
proposal, the consultation closing, the yearly reports, the pact's end.

``reminders_send_due`` runs on a schedule (Celery beat, ``pactes.tasks.send_reminders``). Each
reminder is a ``Reminder`` row unique per pact, kind and due date: the row is written first and
the e-mails go out only if this run wrote it, so a reminder is sent once however often the
schedule runs, even from two workers at once. The same deadlines, seen from outside, are the
overdue items a pact page shows publicly (``overdue_items``).
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import Membership, User
from accounts.roles import Role
from pactes import notices
from pactes.models import Pact, PactReport, Party, Reminder

S = Pact.Status
REPORTING = (S.ACTIVE, S.SUSPENDED)


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def report_periods(pact: Pact) -> list[tuple[int, dt.date, dt.date]]:
    """``(period, first day, last day = due date)`` of each year of the pact, from its start
    date; the last period stops at the end date."""
    if not pact.start_date or not pact.end_date:
        return []
    periods, number = [], 1
    start = pact.start_date
    while start <= pact.end_date and number <= 100:
        end = min(add_years(pact.start_date, number) - dt.timedelta(days=1), pact.end_date)
        periods.append((number, start, end))
        start, number = end + dt.timedelta(days=1), number + 1
    return periods


def city_answer_due(pact: Pact) -> dt.date | None:
    """The day the city should have answered a submitted proposal by."""
    if pact.status != S.SUBMITTED:
        return None
    since = timezone.localtime(pact.status_changed_at).date()
    return since + dt.timedelta(days=settings.PACT_CITY_ANSWER_DAYS)


@dataclass(frozen=True)
class OverdueItem:
    kind: str
    due_on: dt.date
    period: int | None = None


def overdue_items(pact: Pact, *, reported_periods: set[int], today: dt.date | None = None) -> list[OverdueItem]:
    """What is late on ``pact`` today: the city's answer, yearly reports not filed."""
    today = today or timezone.localdate()
    items = []
    due = city_answer_due(pact)
    if due is not None and due < today:
        items.append(OverdueItem(Reminder.Kind.CITY_ANSWER_OVERDUE, due))
    if pact.status in REPORTING:
        for period, _start, end in report_periods(pact):
            if end < today and period not in reported_periods:
                items.append(OverdueItem(Reminder.Kind.REPORT_DUE, end, period))
    return items


# --- who is told -------------------------------------------------------------------------------


def _reachable(users):
    return users.filter(is_active=True, deleted_at__isnull=True).exclude(email="")


def party_signatories(pact: Pact):
    """People who act for the parties other than the city: person parties and representatives."""
    parties = Party.objects.filter(pact=pact).exclude(role=Party.Role.CITY)
    return _reachable(
        User.objects.filter(
            Q(pact_parties__in=parties)
            | Q(
                memberships__organisation__pact_parties__in=parties,
                memberships__role=Membership.Role.REPRESENTATIVE,
            )
        )
    ).distinct()


def city_agents():
    return _reachable(User.objects.filter(groups__name=Role.CITY_AGENT)).distinct()


def _recipients(kind: str, pact: Pact) -> list[User]:
    """The city answers proposals; the parties file reports; both hear of the rest."""
    people: dict[int, User] = {}
    if kind != Reminder.Kind.CITY_ANSWER_OVERDUE:
        people.update((user.pk, user) for user in party_signatories(pact))
    if kind != Reminder.Kind.REPORT_SOON:
        people.update((user.pk, user) for user in city_agents())
    return sorted(people.values(), key=lambda user: user.pk)


# --- reminding -----------------------------------------------------------------------------------


def _remind(pact: Pact, kind: str, due_on: dt.date, days_before: int = 0) -> Reminder | None:
    """Record the reminder and notify its recipients (their e-mails go to the outbox in the
    same transaction), unless it was already recorded."""
    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(pact=pact, kind=kind, due_on=due_on, days_before=days_before)
            users = _recipients(kind, pact)
            reminder.recipients = len(users)
            reminder.save(update_fields=["recipients"])
            notices.reminder_due(reminder, pact, users)
    except IntegrityError:
        return None  # sent before (or by another worker right now)
    return reminder


def reminders_send_due(*, now: dt.datetime | None = None) -> list[Reminder]:
    """Send every reminder due at ``now`` that was not sent yet; returns those sent."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    sent: list[Reminder | None] = []

    answer_before = now - dt.timedelta(days=settings.PACT_CITY_ANSWER_DAYS)
    for pact in Pact.objects.filter(status=S.SUBMITTED, status_changed_at__lte=answer_before):
        sent.append(_remind(pact, Reminder.Kind.CITY_ANSWER_OVERDUE, city_answer_due(pact)))

    closing_before = now + dt.timedelta(days=settings.PACT_CONSULTATION_REMINDER_DAYS)
    closing = Pact.objects.filter(status=S.CONSULTATION, consultation_ends_at__gt=now)
    for pact in closing.filter(consultation_ends_at__lte=closing_before):
        ends_on = timezone.localtime(pact.consultation_ends_at).date()
        sent.append(_remind(pact, Reminder.Kind.CONSULTATION_CLOSING, ends_on))

    running = list(
        Pact.objects.filter(status__in=REPORTING, start_date__isnull=False, end_date__isnull=False).only(
            "pk", "title", "status", "start_date", "end_date"
        )
    )
    reported = set(PactReport.objects.filter(pact__in=running).values_list("pact_id", "period"))
    soon = dt.timedelta(days=settings.PACT_REPORT_REMINDER_DAYS)
    for pact in running:
        for period, _start, due in report_periods(pact):
            if (pact.pk, period) in reported or today < due - soon:
                continue
            # Only the report of the period at hand: an older one missed is shown as overdue.
            if today < due:
                sent.append(_remind(pact, Reminder.Kind.REPORT_SOON, due))
            elif today <= due + soon:
                sent.append(_remind(pact, Reminder.Kind.REPORT_DUE, due))
        thresholds = sorted(settings.PACT_ENDING_REMINDER_DAYS)
        reached = [days for days in thresholds if pact.end_date - dt.timedelta(days=days) <= today <= pact.end_date]
        if reached:
            # The nearest threshold only: after a pause of the schedule, one message, not two.
            sent.append(_remind(pact, Reminder.Kind.ENDING, pact.end_date, days_before=reached[0]))
    return [reminder for reminder in sent if reminder is not None]


def reminder_text(reminder: Reminder, pact: Pact) -> str:
    """The sentence of a reminder, for the e-mail body."""
    due = date_format(reminder.due_on, "j F Y")
    texts = {
        Reminder.Kind.CITY_ANSWER_OVERDUE: _("The city has not answered this proposal within %(days)s days.")
        % {"days": settings.PACT_CITY_ANSWER_DAYS},
        Reminder.Kind.CONSULTATION_CLOSING: _("The public consultation closes on %(date)s.") % {"date": due},
        Reminder.Kind.REPORT_SOON: _("The yearly report of the pact is due on %(date)s.") % {"date": due},
        Reminder.Kind.REPORT_DUE: _("The yearly report of the pact was due on %(date)s and is not filed yet.")
        % {"date": due},
        Reminder.Kind.ENDING: _("The pact ends on %(date)s. Think of its renewal if you wish to go on.")
        % {"date": due},
    }
    return texts[reminder.kind]
