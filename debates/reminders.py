"""Reminders of debate sessions to the people who follow the debate."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.tasks import send_email
from debates import selectors
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
    """Mark the session reminded and e-mail its debate's followers after commit, once.

    A system action (the scheduler calls it): the row lock and ``reminder_sent_at`` make a
    retried or duplicated task send nothing twice. Returns the number of e-mails scheduled.
    """
    with transaction.atomic():
        session = DebateSession.objects.select_for_update().select_related("debate").filter(pk=session_id).first()
        if session is None or session.reminder_sent_at is not None:
            return 0
        session.reminder_sent_at = timezone.now()
        session.save(update_fields=["reminder_sent_at"])
        followers = [p.user for p in selectors.followers_of(debate=session.debate).select_related("user")]
        mails = [_mail(session, user) for user in followers]
        # One task per e-mail: each retries on its own when the mail server is unreachable.
        transaction.on_commit(lambda: [send_email.delay(**mail) for mail in mails])
    return len(mails)


def _mail(session: DebateSession, user) -> dict:
    context = {
        "session": session,
        "debate": session.debate,
        "url": settings.SITE_URL + session.debate.get_absolute_url(),
        "user": user,
        "starts_at": timezone.localtime(session.starts_at),
    }
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        subject = render_to_string("debates/email/reminder_subject.txt", context).strip()
        body = render_to_string("debates/email/reminder.txt", context)
    return {"to": [user.email], "subject": subject, "body": body}
