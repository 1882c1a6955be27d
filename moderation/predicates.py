"""Predicates of the moderation app (django-rules). They take ``(user, obj)`` and handle None."""

from __future__ import annotations

import rules

from accounts.predicates import is_active_account, is_city_agent, is_facilitator, is_superuser
from debates.predicates import is_debate_facilitator


@rules.predicate
def facilitates_a_debate(user) -> bool:
    if not is_active_account(user):
        return False
    return user.facilitated_debates.exists()


@rules.predicate
def facilitates_action_debate(user, action) -> bool:
    return action is not None and is_debate_facilitator(user, action.debate)


@rules.predicate
def is_action_target(user, action) -> bool:
    """The participant a moderation action concerns (the author of its message, or the muted
    or excluded participant)."""
    return bool(action is not None and is_active_account(user) and action.target_id == user.pk)


@rules.predicate
def acted(user, appeal) -> bool:
    """The person who took the action appealed against (nobody, for an automatic action)."""
    return bool(appeal is not None and user is not None and appeal.action.actor_id == getattr(user, "pk", None))


@rules.predicate
def facilitates_appeal_debate(user, appeal) -> bool:
    return appeal is not None and is_debate_facilitator(user, appeal.action.debate)


__all__ = [
    "acted",
    "facilitates_a_debate",
    "facilitates_action_debate",
    "facilitates_appeal_debate",
    "is_action_target",
    "is_active_account",
    "is_city_agent",
    "is_facilitator",
    "is_superuser",
]
