"""Scheduled work on offers (CELERY_BEAT_SCHEDULE in settings): tasks call services and are safe
to run twice."""

from celery import shared_task

from offres import services


@shared_task(name="offres.tasks.confirmation_cycle")
def confirmation_cycle() -> dict[str, list[int]]:
    return services.confirmation_cycle()
