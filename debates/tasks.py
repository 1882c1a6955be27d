"""Celery tasks of the debates: they take ids and call the reminder service; safe to retry."""

from celery import shared_task

from debates import reminders


@shared_task
def send_session_reminders() -> int:
    """Periodic (CELERY_BEAT_SCHEDULE): queue one reminder task per session due."""
    due = reminders.sessions_due()
    for session_id in due:
        send_session_reminder.delay(session_id)
    return len(due)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_session_reminder(session_id: int) -> int:
    return reminders.session_remind(session_id=session_id)
