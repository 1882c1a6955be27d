"""Celery tasks of the notifications: they take ids and call the outbox and digest services;
each is safe to run twice."""

from celery import shared_task

from notifications import digests, outbox


@shared_task(name="notifications.tasks.outbox_send")
def outbox_send(email_id: int) -> bool:
    return outbox.outbox_send(email_id=email_id)


@shared_task(name="notifications.tasks.outbox_send_batch")
def outbox_send_batch(email_ids: list[int]) -> int:
    return sum(outbox.outbox_send(email_id=email_id) for email_id in email_ids)


@shared_task(name="notifications.tasks.outbox_sweep")
def outbox_sweep() -> int:
    """Periodic: sends what is due, including rows whose wake-up call was lost or that failed."""
    return outbox.outbox_sweep()


@shared_task(name="notifications.tasks.send_digests")
def send_digests(frequency: str) -> int:
    return digests.digests_send(frequency=frequency)
