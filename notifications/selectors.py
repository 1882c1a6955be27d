"""Reads of the notifications app."""

from __future__ import annotations

from contextlib import suppress

from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.cache import cache
from django.db.models import Model, QuerySet

from accounts.models import User
from notifications import registry
from notifications.models import Follow, Notification


def followers_of(*targets: Model | None) -> list[User]:
    """Active accounts that follow any of ``targets`` (None entries are skipped)."""
    targets = [t for t in targets if t is not None]
    if not targets:
        return []
    from django.db.models import Q

    condition = Q()
    for target in targets:
        condition |= Q(target_type=ContentType.objects.get_for_model(target), target_id=target.pk)
    user_ids = Follow.objects.filter(condition).values("user_id")
    return list(User.objects.filter(pk__in=user_ids, is_active=True, deleted_at__isnull=True).order_by("pk"))


def is_following(*, user, target: Model) -> bool:
    if target is None or user is None or not user.is_authenticated:
        return False
    content_type = ContentType.objects.get_for_model(target)
    return Follow.objects.filter(user=user, target_type=content_type, target_id=target.pk).exists()


def followed_ids(*, user, model) -> set[int]:
    content_type = ContentType.objects.get_for_model(model)
    return set(Follow.objects.filter(user=user, target_type=content_type).values_list("target_id", flat=True))


def _unread_key(user_id: int) -> str:
    return f"notifications:unread:{user_id}"


def unread_count(*, user) -> int:
    """The bell's number. Kept in the cache (shared by the web processes with Redis) and
    forgotten whenever it changes (``forget_unread``), so that pages do not count on each view."""
    if user is None or not user.is_authenticated:
        return 0
    key = _unread_key(user.pk)
    try:
        count = cache.get(key)
    except Exception:
        count = None  # the cache is down: count in the database, the page still shows
    if count is None:
        count = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
        with suppress(Exception):
            cache.set(key, count, 60 * 60)
    return count


def forget_unread(user_ids: list[int]) -> None:
    # A cache that is down keeps no stale count either: nothing to forget then.
    with suppress(Exception):
        cache.delete_many([_unread_key(user_id) for user_id in user_ids])


def inbox(*, user, unread_only: bool = False) -> QuerySet[Notification]:
    notifications = Notification.objects.filter(recipient=user).select_related("actor")
    if unread_only:
        notifications = notifications.filter(read_at__isnull=True)
    return notifications


def with_targets(notifications: list[Notification]) -> list[Notification]:
    """Load the objects of a page of notifications: one query per kind of object."""
    from django.apps import apps

    querysets = []
    for label, target in registry.TARGETS.items():
        model = apps.get_model(label)
        querysets.append(target.queryset() if target.queryset else model._default_manager.all())
    from django.db.models import prefetch_related_objects

    prefetch_related_objects(notifications, GenericPrefetch("target", querysets))
    return notifications
