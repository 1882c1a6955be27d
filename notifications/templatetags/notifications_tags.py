from django import template

from notifications import registry, selectors

register = template.Library()


@register.inclusion_tag("notifications/includes/follow.html", takes_context=True)
def follow_button(context, obj):
    """A Follow / Stop following button for a followable object the visitor may see."""
    request = context.get("request")
    user = getattr(request, "user", None)
    target = registry.TARGETS.get(obj._meta.label_lower) if obj is not None else None
    allowed = bool(
        user is not None and user.is_authenticated and target and target.followable and target.visible(user, obj)
    )
    if allowed and target.follow_offered is not None:
        # Those told anyway (a pact's parties) get no button: notify tells each person once.
        allowed = target.follow_offered(user, obj)
    return {
        "request": request,
        "user": user,
        "follow": {
            "allowed": allowed,
            "target": f"{obj._meta.label_lower}:{obj.pk}" if obj is not None else "",
            "title": target.title(obj) if allowed else "",
            "following": allowed and obj.pk in _followed_ids(request, user, obj),
        },
    }


def _followed_ids(request, user, obj) -> set[int]:
    """The ids this person follows among objects of ``obj``'s model: one query per model and
    request, however many buttons the page shows."""
    cache = request.__dict__.setdefault("_followed_ids", {}) if request is not None else {}
    label = obj._meta.label_lower
    if label not in cache:
        cache[label] = selectors.followed_ids(user=user, model=type(obj))
    return cache[label]
