"""Daily and weekly digests: one e-mail per person with what they chose to read that way.

``digests_send`` runs from Celery beat (``notifications.tasks.send_digests``). For each person it
locks their pending notifications, writes one e-mail to the outbox and marks them e-mailed, in
one transaction: run twice, the second run finds nothing left to send.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from notifications import render, selectors
from notifications.models import Delivery, Notification
from notifications.outbox import email_queue


def _pending(frequency: str):
    return Notification.objects.filter(delivery=frequency, emailed_at__isnull=True)


def digests_send(*, frequency: str) -> int:
    """Send the ``daily`` or ``weekly`` digest of everyone who has one waiting; returns the
    number of digests written."""
    if frequency not in (Delivery.DAILY, Delivery.WEEKLY):
        raise ValueError(frequency)
    user_ids = list(_pending(frequency).values_list("recipient_id", flat=True).distinct().order_by("recipient_id"))
    return sum(digest_send(user_id=user_id, frequency=frequency) for user_id in user_ids)


def group_by_object(notifications: list[Notification]) -> list[dict]:
    """The digest's sections: one per object, in the order of their first notification."""
    sections: dict[tuple[int, int], dict] = {}
    for notification in notifications:
        key = (notification.target_type_id, notification.target_id)
        if key not in sections:
            path = render.link(notification)
            sections[key] = {"url": render.absolute(path) if path else "", "items": []}
            sections[key]["title"] = _title(notification)
        sections[key]["items"].append(render.sentence(notification))
    return list(sections.values())


def _title(notification: Notification) -> str:
    from notifications import registry

    target = registry.target_for_label(render.target_label(notification))
    obj = notification.target
    return target.title(obj) if target is not None and obj is not None else ""


def delivery_choices(*, user) -> dict[str, str]:
    from notifications.services import delivery_choices as choices

    return choices(user=user)


def digest_send(*, user_id: int, frequency: str) -> int:
    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=user_id).first()
        if user is None:
            return 0
        notifications = list(
            _pending(frequency)
            .select_for_update(of=("self",))
            .filter(recipient=user)
            .select_related("actor")
            .order_by("created_at", "pk")
        )
        if not notifications:
            return 0
        now = timezone.now()
        Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(emailed_at=now)
        # A kind switched to "never" since these were written is left out of the digest.
        choices = delivery_choices(user=user)
        notifications = [n for n in notifications if choices.get(n.kind) != Delivery.NEVER]
        if not notifications or not user.is_active or user.deleted_at or not user.email:
            return 0
        selectors.with_targets(notifications)
        for notification in notifications:
            notification.recipient = user
        with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
            unsubscribe = render.unsubscribe_url(user.pk, render.DIGEST_PREFIX + frequency)
            context = {
                "user": user,
                "daily": frequency == Delivery.DAILY,
                "count": len(notifications),
                "sections": group_by_object(notifications),
                "inbox_url": render.absolute(reverse("notifications:list")),
                "preferences_url": render.absolute(reverse("notification_preferences")),
                "unsubscribe_url": unsubscribe,
            }
            subject = render_to_string("notifications/email/digest_subject.txt", context)
            body = render_to_string("notifications/email/digest_body.txt", context)
        email_queue(
            to=user.email,
            subject=subject,
            body=body,
            headers=render.unsubscribe_headers(unsubscribe),
            recipient=user,
            kind=render.DIGEST_PREFIX + frequency,
        )
    return 1
