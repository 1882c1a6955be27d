"""The transactional outbox: every e-mail the platform sends is first a row.

``email_queue`` writes the row in the caller's transaction and, once it commits, wakes a worker
(``tasks.outbox_send``). The worker sends the row and marks it sent; a failure leaves it pending
with a later ``next_attempt_at`` (exponential back-off), and the beat sweep (``tasks.outbox_sweep``)
sends every row that is due, whether its wake-up call was lost or not. A row is sent by one
worker at a time: it is locked (``SKIP LOCKED``) while it is sent, and a row already sent is
skipped, so a duplicated wake-up call sends nothing twice.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from notifications.models import OutgoingEmail

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8


def email_queue(*, to: str, subject: str, body: str, headers: dict | None = None, recipient=None, kind: str = ""):
    """Write one e-mail to the outbox, in the current transaction; wake a worker after commit."""
    email = OutgoingEmail.objects.create(
        to=to,
        subject=" ".join(subject.split())[:300],
        body=body,
        headers=headers or {},
        recipient=recipient,
        kind=kind,
    )
    transaction.on_commit(lambda: _wake(email.pk))
    return email


def emails_queue(emails: list[dict]) -> list[OutgoingEmail]:
    """Write many e-mails in one statement (a notification to many people); one wake-up call."""
    rows = OutgoingEmail.objects.bulk_create(
        [OutgoingEmail(**{**email, "subject": " ".join(email["subject"].split())[:300]}) for email in emails]
    )
    ids = [row.pk for row in rows]
    if ids:
        transaction.on_commit(lambda: _wake(*ids))
    return rows


def _wake(*email_ids: int) -> None:
    from notifications.tasks import outbox_send, outbox_send_batch

    # The broker may be down: the rows are safe, the sweep sends them later.
    try:
        if len(email_ids) == 1:
            outbox_send.delay(email_ids[0])
        else:
            outbox_send_batch.delay(list(email_ids))
    except Exception:
        log.warning("outbox: could not queue e-mails %s; the sweep will send them", email_ids)


def backoff(attempts: int) -> timedelta:
    """1, 2, 4, 8... minutes, at most six hours."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


def outbox_send(*, email_id: int) -> bool:
    """Send one pending e-mail that is due. True if this call sent it."""
    with transaction.atomic():
        email = (
            OutgoingEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, status=OutgoingEmail.Status.PENDING, next_attempt_at__lte=timezone.now())
            .first()
        )
        if email is None:
            return False  # sent already, being sent by another worker, or not due yet
        message = EmailMessage(
            f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{email.subject}",
            email.body,
            None,
            [email.to],
            headers=email.headers,
        )
        try:
            message.send()
        except (SMTPException, OSError) as error:
            email.attempts += 1
            email.last_error = f"{type(error).__name__}: {error}"[:300]
            if email.attempts >= MAX_ATTEMPTS:
                email.status = OutgoingEmail.Status.FAILED
            email.next_attempt_at = timezone.now() + backoff(email.attempts)
            email.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
            log.warning("outbox: e-mail %s failed (%s), attempt %s", email.pk, email.last_error, email.attempts)
            return False
        email.status = OutgoingEmail.Status.SENT
        email.attempts += 1
        email.sent_at = timezone.now()
        email.save(update_fields=["status", "attempts", "sent_at"])
    return True


def outbox_due(*, limit: int = 500) -> list[int]:
    return list(
        OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING, next_attempt_at__lte=timezone.now())
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )


def outbox_sweep(*, limit: int = 500) -> int:
    """Send every due e-mail; returns how many were sent by this call."""
    return sum(outbox_send(email_id=email_id) for email_id in outbox_due(limit=limit))
