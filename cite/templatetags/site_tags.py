from django import template
from django.conf import settings
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter(needs_autoescape=True)
def with_site_name(title, autoescape=True):
    """« Débats · Ville du lien » from a page's title; the site's name alone when the page has no
    title of its own or is the home page named after the site."""
    escape = conditional_escape if autoescape else str
    title = " ".join(str(title).split())
    site_name = escape(settings.SITE_NAME)
    if not title or title == site_name:
        return mark_safe(site_name)  # escaped above
    return mark_safe(f"{title} · {site_name}")  # the title is rendered, hence escaped
