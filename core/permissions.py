"""The permission check every service starts with."""

from core.errors import AuthRequired, PermissionDenied


def require(actor, perm: str, obj=None) -> None:
    """Raise unless ``actor`` has the django-rules permission ``perm`` on ``obj``.

    Anonymous visitors get AUTH_REQUIRED (logging in may help), others FORBIDDEN.
    """
    if actor is None or not actor.is_authenticated:
        raise AuthRequired()
    if not actor.has_perm(perm, obj):
        raise PermissionDenied()
