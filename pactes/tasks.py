"""Scheduled work on pacts (CELERY_BEAT_SCHEDULE in settings). Tasks call services and are
safe to run twice: a pact already closed or expired is skipped."""

from celery import shared_task

from pactes import services


@shared_task(name="pactes.tasks.close_due_consultations")
def close_due_consultations() -> list[int]:
    return services.consultations_close_due()


@shared_task(name="pactes.tasks.expire_ended_pacts")
def expire_ended_pacts() -> list[int]:
    return services.pacts_expire_due()


@shared_task(name="pactes.tasks.send_reminders")
def send_reminders() -> list[int]:
    from pactes.deadlines import reminders_send_due

    return [reminder.pk for reminder in reminders_send_due()]


@shared_task(name="pactes.tasks.verify_journal")
def verify_journal() -> bool:
    """Verify the fingerprint journal and the signed texts; alert the administrators if not."""
    from pactes.journal import journal_check_and_alert

    return journal_check_and_alert().ok
