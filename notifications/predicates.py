import rules

from notifications import registry


@rules.predicate
def is_recipient(user, notification) -> bool:
    return notification is not None and user is not None and notification.recipient_id == user.pk


@rules.predicate
def can_see_target(user, obj) -> bool:
    """The object is one that may be followed, and the person may see it."""
    if obj is None:
        return False
    target = registry.TARGETS.get(obj._meta.label_lower)
    return target is not None and target.followable and bool(target.visible(user, obj))
