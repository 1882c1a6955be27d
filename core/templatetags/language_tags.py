"""Language of parts (WCAG 3.1.2) and the page in the other language (docs/i18n.md).

- ``{% lang_attr obj.language %}`` writes ` lang="fr"` when the text's language is not the page's;
- ``{% in_language obj.language %}`` writes « (en français) » after such a text;
- ``{% page_alternates as alternates %}`` gives the page being read in each language
  (``core.languages.Alternate``), for the ``hreflang`` links and the language switch.
"""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString

from core import languages

register = template.Library()


@register.simple_tag
def lang_attr(code) -> SafeString:
    code = languages.normalise(code)
    if code == languages.current():
        return SafeString("")
    return format_html(' lang="{}"', code)


@register.simple_tag
def in_language(code) -> SafeString:
    code = languages.normalise(code)
    if code == languages.current():
        return SafeString("")
    return format_html(' <span class="in-language">{}</span>', languages.IN_LANGUAGE[code])


@register.simple_tag(takes_context=True)
def page_alternates(context) -> list:
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_page_alternates", None)
    if cached is not None:
        return cached
    from wagtail.models import Page

    page = context.get("page")
    page = page if isinstance(page, Page) and page.pk else None
    result = languages.alternates(request, page)
    request._page_alternates = result
    return result


@register.filter
def locale_language(locale_id) -> str:
    """The language code of a Wagtail locale id (``page.locale_id|locale_language``)."""
    return languages.locale_code(locale_id)


@register.simple_tag
def default_language() -> str:
    return settings.LANGUAGE_CODE


@register.simple_tag(takes_context=True)
def in_reading_language(context, page):
    """``{% in_reading_language debate.engagement as engagement %}``: the page's translation in
    the language being read, when it has one (``core.languages.in_reading_language``)."""
    request = context.get("request")
    memo = getattr(request, "_translated_pages", None) if request is not None else None
    if request is not None and memo is None:
        memo = request._translated_pages = {}
    return languages.in_reading_language(page, memo)
