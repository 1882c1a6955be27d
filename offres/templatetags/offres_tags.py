"""``{{ text|offer_text }}``: a resident's or an association's plain text as safe HTML
(``core.html``: every tag escaped, web links made clickable with rel="nofollow ugc")."""

from django import template
from django.utils.safestring import mark_safe

from core.html import plain_text_to_html

register = template.Library()


@register.filter
def offer_text(value: str) -> str:
    return mark_safe(plain_text_to_html(value or ""))  # bleach escaped every tag
