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
    return {
        "request": request,
        "user": user,
        "follow": {
            "allowed": allowed,
            "target": f"{obj._meta.label_lower}:{obj.pk}" if obj is not None else "",
            "title": target.title(obj) if allowed else "",
            "following": allowed and selectors.is_following(user=user, target=obj),
        },
    }
