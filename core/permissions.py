"""The permission check every service starts with."""

import rules

from core.errors import AuthRequired, PermissionDenied


def require(actor, perm: str, obj=None) -> None:
    """Raise unless the django-rules permission ``perm`` holds for ``actor`` on ``obj``.

    It asks the rule itself (``rules.has_perm``), not ``actor.has_perm``: Django grants every
    permission to a superuser, which would skip a rule's ``~predicate`` (say, "not the person
    who acted"). Each rule says where administrators are included (``is_superuser``).
    Anonymous visitors get AUTH_REQUIRED (logging in may help), others FORBIDDEN.
    """
    if actor is None or not actor.is_authenticated:
        raise AuthRequired()
    if not rules.has_perm(perm, actor, obj):
        raise PermissionDenied()
