"""Notifying people, and what they do with their notifications, choices and follows.

``notify`` is the one way in: the services of the other apps call it inside the transaction
of the change they report (never from a template or a signal), so the notification, its
e-mail in the outbox, and the change commit or fail together.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone

from accounts.models import User
from cite.errors import InvalidInput, NotFound
from cite.permissions import require
from notifications import live, registry, render, selectors
from notifications.models import Delivery, Follow, Notification, Preference
from notifications.outbox import emails_queue


def delivery_for(*, users: list[User], kind: str) -> dict[int, str]:
    """Each user's e-mail choice for ``kind`` (the kind's default when they made none)."""
    default = registry.kind(kind).default
    chosen = dict(Preference.objects.filter(user__in=users, kind=kind).values_list("user_id", "delivery"))
    return {user.pk: chosen.get(user.pk, default) for user in users}


def notify(
    *,
    recipients: Iterable[User | None],
    kind: str,
    object: Model,
    actor: User | None = None,
    data: dict | None = None,
) -> list[Notification]:
    """Tell ``recipients`` that ``kind`` happened to ``object`` (by ``actor``; None: the platform).

    Written in the caller's transaction. The actor is never told of their own deed; inactive
    and deleted accounts, and anyone the object's registered ``visible`` check refuses, get
    nothing. E-mails chosen "at once" go to the outbox now; digests take the rest later.
    """
    registry.kind(kind)
    target = registry.target_of(object)
    seen: dict[int, User] = {}
    for user in recipients:
        if user is None or user.pk in seen or (actor is not None and user.pk == actor.pk):
            continue
        if not user.is_active or user.deleted_at or not target.visible(user, object):
            continue
        seen[user.pk] = user
    users = list(seen.values())
    if not users:
        return []
    deliveries = delivery_for(users=users, kind=kind)
    content_type = ContentType.objects.get_for_model(object)
    now = timezone.now()
    with transaction.atomic():
        notifications = Notification.objects.bulk_create(
            [
                Notification(
                    recipient=user,
                    kind=kind,
                    actor=actor,
                    target_type=content_type,
                    target_id=object.pk,
                    data=data or {},
                    created_at=now,
                    delivery=deliveries[user.pk],
                    emailed_at=now if deliveries[user.pk] == Delivery.IMMEDIATE and user.email else None,
                )
                for user in users
            ]
        )
        emails = []
        for notification in notifications:
            notification.target = object
            if notification.emailed_at is not None:
                email = render.email_for(notification)
                emails.append(
                    {"to": notification.recipient.email, "recipient": notification.recipient, "kind": kind, **email}
                )
        emails_queue(emails)
        _unread_changed([user.pk for user in users])
    return notifications


def _unread_changed(user_ids: list[int]) -> None:
    # Forgotten now and again after commit: a page rendered in between may have cached the
    # count as it was before the change.
    selectors.forget_unread(user_ids)
    transaction.on_commit(lambda: live.unread_changed(user_ids))


# --- the inbox ----------------------------------------------------------------------------------


def notification_mark_read(*, actor: User, notification_id: int, read: bool = True) -> Notification:
    notification = Notification.objects.filter(pk=notification_id).first()
    if notification is None or notification.recipient_id != getattr(actor, "pk", None):
        # Someone else's notification does not exist, as far as this person knows.
        raise NotFound()
    require(actor, "notifications.read_notification", notification)
    Notification.objects.filter(pk=notification.pk).update(read_at=timezone.now() if read else None)
    notification.refresh_from_db(fields=["read_at"])
    _unread_changed([actor.pk])
    return notification


def notifications_mark_all_read(*, actor: User) -> int:
    require(actor, "notifications.choose_delivery")
    count = Notification.objects.filter(recipient=actor, read_at__isnull=True).update(read_at=timezone.now())
    _unread_changed([actor.pk])
    return count


# --- choices ------------------------------------------------------------------------------------


def preferences_set(*, actor: User, choices: dict[str, str]) -> None:
    """Record the e-mail choice of each kind in ``choices``; an unknown kind or value changes
    nothing and raises."""
    require(actor, "notifications.choose_delivery")
    for kind, delivery in choices.items():
        if kind not in registry.KINDS or delivery not in Delivery.values:
            raise InvalidInput(code="UNKNOWN_CHOICE")
    with transaction.atomic():
        for kind, delivery in choices.items():
            Preference.objects.update_or_create(user=actor, kind=kind, defaults={"delivery": delivery})


def unsubscribe_apply(*, token: str) -> tuple[User, list[str]]:
    """Stop the e-mails a signed unsubscribe link names: one kind, or every kind a digest of
    one frequency carries. No login: the signature proves the link came from our e-mail."""
    read = render.read_unsubscribe_token(token)
    user = User.objects.filter(pk=read[0], is_active=True, deleted_at__isnull=True).first() if read else None
    if user is None:
        raise InvalidInput(code="BAD_UNSUBSCRIBE_LINK")
    _user_id, kind = read
    if kind.startswith(render.DIGEST_PREFIX):
        frequency = kind.removeprefix(render.DIGEST_PREFIX)
        if frequency not in (Delivery.DAILY, Delivery.WEEKLY):
            raise InvalidInput(code="BAD_UNSUBSCRIBE_LINK")
        current = delivery_choices(user=user)
        kinds = [code for code, delivery in current.items() if delivery == frequency]
    elif kind in registry.KINDS:
        kinds = [kind]
    else:
        raise InvalidInput(code="BAD_UNSUBSCRIBE_LINK")
    with transaction.atomic():
        for code in kinds:
            Preference.objects.update_or_create(user=user, kind=code, defaults={"delivery": Delivery.NEVER})
    return user, kinds


def delivery_choices(*, user: User) -> dict[str, str]:
    chosen = dict(Preference.objects.filter(user=user).values_list("kind", "delivery"))
    return {code: chosen.get(code, spec.default) for code, spec in registry.KINDS.items()}


# --- follows ------------------------------------------------------------------------------------


def follow_set(*, actor: User, target: Model, follow: bool = True) -> bool:
    """Follow (or stop following) an object registered as followable. Returns the new state."""
    require(actor, "notifications.follow_object", target)
    content_type = ContentType.objects.get_for_model(target)
    if follow:
        try:
            with transaction.atomic():
                Follow.objects.get_or_create(user=actor, target_type=content_type, target_id=target.pk)
        except IntegrityError:
            pass  # followed meanwhile by the same person from another tab
        return True
    Follow.objects.filter(user=actor, target_type=content_type, target_id=target.pk).delete()
    return False
