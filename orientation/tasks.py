"""Scheduled work on referrals (CELERY_BEAT_SCHEDULE in settings). Tasks call services and are
safe to run twice."""

from celery import shared_task

from orientation import services


@shared_task(name="orientation.tasks.remind_follow_ups")
def remind_follow_ups() -> list[int]:
    return services.follow_ups_remind_due()


@shared_task(name="orientation.tasks.erase_expired")
def erase_expired() -> list[int]:
    return services.referrals_erase_expired()
