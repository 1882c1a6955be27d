"""Reminders of debate sessions to the people who follow the debate."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from debates import notices
from debates.models import DebateSession


def sessions_due() -> list[int]:
    """Sessions starting within the reminder window whose reminder has not been sent."""
    now = timezone.now()
    return list(
        DebateSession.objects.filter(
            reminder_sent_at__isnull=True,
            starts_at__gt=now,
            starts_at__lte=now + timezone.timedelta(hours=settings.DEBATES_REMINDER_HOURS),
            debate__status__in=["scheduled", "open"],
        ).values_list("pk", flat=True)
    )


def session_remind(*, session_id: int) -> int:
    """Mark the session reminded and notify its debate's followers, once.

    A system action (the scheduler calls it): the row lock and ``reminder_sent_at`` make a
    retried or duplicated task send nothing twice. Returns the number of e-mails scheduled.
    """
    with transaction.atomic():
        session = DebateSession.objects.select_for_update().select_related("debate").filter(pk=session_id).first()
        if session is None or session.reminder_sent_at is not None:
            return 0
        session.reminder_sent_at = timezone.now()
        session.save(update_fields=["reminder_sent_at"])
        # The notifications app writes each follower's notification and e-mail (outbox) in
        # this transaction: a crash after commit loses no e-mail, a retry sends none twice.
        sent = notices.session_starting(session)
    return sent
