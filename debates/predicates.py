"""Predicates about debates (django-rules). They take ``(user, debate)`` and handle ``None``."""

import rules

from accounts.predicates import is_active_account, is_superuser


def facilitator_ids(debate) -> frozenset[int]:
    """Ids of the debate's facilitators (one query, cached on the debate object)."""
    cached = getattr(debate, "_facilitator_ids", None)
    if cached is None:
        cached = frozenset(debate.facilitators.values_list("pk", flat=True))
        debate._facilitator_ids = cached
    return cached


@rules.predicate
def is_debate_facilitator(user, debate) -> bool:
    if debate is None or not is_active_account(user):
        return False
    return user.is_superuser or user.pk in facilitator_ids(debate)


@rules.predicate
def is_debate_readable(user, debate) -> bool:
    # Public and unlisted debates are readable by anyone who has the link; unlisted ones are
    # only left out of the lists.
    return debate is not None


@rules.predicate
def is_debate_listed(user, debate) -> bool:
    return debate is not None and debate.visibility == "public"


@rules.predicate
def has_the_floor(user, debate) -> bool:
    return bool(debate is not None and is_active_account(user) and debate.floor_user_id == user.pk)


__all__ = ["has_the_floor", "is_debate_facilitator", "is_debate_listed", "is_debate_readable", "is_superuser"]
