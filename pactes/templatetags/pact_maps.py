"""``{% map_base_attributes %}``: the data attributes every map canvas needs (maps.js)."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def map_base_attributes():
    return format_html(
        'data-tiles-url="{}" data-attribution="{}" data-neighbourhoods-url="{}"',
        settings.PACT_MAP_TILES_URL,
        settings.PACT_MAP_TILES_ATTRIBUTION,
        reverse("pactes:neighbourhoods"),
    )


@register.simple_tag
def map_tiles_set() -> bool:
    return bool(settings.PACT_MAP_TILES_URL)
