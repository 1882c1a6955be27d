from django.utils.functional import SimpleLazyObject

from notifications import selectors


def bell(request):
    """The header's unread count, counted only if a template shows it (one query)."""
    user = getattr(request, "user", None)
    return {"NOTIFICATIONS_UNREAD": SimpleLazyObject(lambda: selectors.unread_count(user=user))}
