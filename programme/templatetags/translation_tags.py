"""The translation editor's way to the editorial workflow (programme/wagtail_hooks.py)."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def may_submit_translation(context, page) -> bool:
    """Whether the person reading may submit this translated page for approval now."""
    from programme.wagtail_hooks import may_submit_translation as may

    request = context.get("request")
    return request is not None and may(page, request.user)
