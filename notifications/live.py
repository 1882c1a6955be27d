"""The bell's count, pushed live where a socket is already open.

This app has no socket of its own (a page polling for its count would be a storm of requests
for a number that rarely changes): the apps that hold sockets register a ``sink`` that gets the
new unread count of each account, after commit, and forwards it to that account's sockets.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db.models import Count, Q

log = logging.getLogger(__name__)

SINKS: list[Callable[[dict[int, int]], None]] = []


def register_sink(sink: Callable[[dict[int, int]], None]) -> None:
    if sink not in SINKS:
        SINKS.append(sink)


def unread_counts(user_ids: list[int]) -> dict[int, int]:
    from accounts.models import User

    rows = User.objects.filter(pk__in=user_ids).annotate(
        unread=Count("notifications", filter=Q(notifications__read_at__isnull=True))
    )
    return dict(rows.values_list("pk", "unread"))


def unread_changed(user_ids: list[int]) -> None:
    """Called on commit: the cached counts are forgotten, then pushed to open sockets. A failing
    socket layer never breaks the change that was committed."""
    from notifications.selectors import forget_unread

    if not user_ids:
        return
    forget_unread(user_ids)
    if not SINKS:
        return
    try:
        counts = unread_counts(user_ids)
        for sink in SINKS:
            sink(counts)
    except Exception:
        log.exception("notifications: the live count could not be pushed")
