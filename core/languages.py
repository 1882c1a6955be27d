"""The site's two languages (docs/i18n.md): normalising a language code, the address of the page
being read in each language (``hreflang`` alternates, the language switch), and the language of
a piece of user content.

French is at the root, English under ``/en/``. A Wagtail page's counterpart is its published
translation; when it has none, the switch leads to the nearest translated ancestor and says so
(``Alternate.fallback``), and ``hreflang`` leaves that language out. Every other page (the apps'
views) exists in both languages at the same path with or without the prefix.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext_lazy as _

# The name of each language as a note after a piece of text in that language: « (en français) ».
IN_LANGUAGE = {"fr": _("(in French)"), "en": _("(in English)")}
OG_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def normalise(code: str | None) -> str:
    """``"en-gb"`` → ``"en"``; anything the site does not speak → the site's language."""
    base = (code or "").split("-")[0].split("_")[0].lower()
    return base if base in codes() else settings.LANGUAGE_CODE


_locale_codes: dict[int, str] = {}


def locale_code(locale_id: int) -> str:
    """The language code of a Wagtail locale, without a query once the locales are known (they
    are two, and change only in the admin: ``forget_locales`` empties the memo then)."""
    if locale_id not in _locale_codes:
        from wagtail.models import Locale

        _locale_codes.clear()
        _locale_codes.update(Locale.objects.values_list("pk", "language_code"))
    return _locale_codes.get(locale_id, settings.LANGUAGE_CODE)


def locale_ids() -> dict[str, int]:
    """Language code -> Wagtail locale id, for the site's languages that have a locale."""
    if not _locale_codes:
        locale_code(0)
    return {code: pk for pk, code in _locale_codes.items() if code in codes()}


def forget_locales(**kwargs) -> None:
    _locale_codes.clear()


def current() -> str:
    """The language being written or read now, as stored on user content (``fr`` or ``en``)."""
    return normalise(translation.get_language())


@dataclass(frozen=True)
class Alternate:
    code: str
    url: str
    is_current: bool = False
    # The title of the translated ancestor the switch leads to when the page itself has no
    # translation in that language ("" when the page has one).
    fallback: str = ""

    @property
    def og_locale(self) -> str:
        return OG_LOCALES.get(self.code, self.code)


def alternates(request, page=None) -> list[Alternate]:
    """The page being read in each language, in the order of LANGUAGES."""
    language = current()
    if page is not None:
        return _page_alternates(request, page, language)
    path = request.get_full_path()
    return [Alternate(code=code, url=translate_url(path, code), is_current=code == language) for code in codes()]


def _page_alternates(request, page, language: str) -> list[Alternate]:
    """One query: the live pages sharing a translation key with the page or one of its ancestors
    (the ancestors a routed page already knows: ``breadcrumb_trail``)."""
    from wagtail.models import Page

    trail = getattr(page, "breadcrumb_trail", None)
    ancestors = list(trail) if trail is not None else list(page.get_ancestors().filter(depth__gte=2))
    depths = {ancestor.translation_key: ancestor.depth for ancestor in ancestors}
    depths[page.translation_key] = page.depth
    related = Page.objects.filter(translation_key__in=depths).exclude(pk=page.pk).live()
    related = related.only("pk", "title", "path", "depth", "url_path", "translation_key", "locale_id")
    translations = {page.locale_id: page}
    best: dict = {}
    for candidate in related:
        if candidate.translation_key == page.translation_key:
            translations[candidate.locale_id] = candidate
            continue
        depth = depths[candidate.translation_key]
        if candidate.locale_id not in best or depth > best[candidate.locale_id][0]:
            best[candidate.locale_id] = (depth, candidate)
    locales = locale_ids()
    page_language = locale_code(page.locale_id)
    result = []
    for code in codes():
        locale = locales.get(code)
        if locale in translations:
            url = translations[locale].get_url(request) or ""
            result.append(Alternate(code=code, url=url, is_current=code == page_language))
        elif locale in best:
            ancestor = best[locale][1]
            result.append(Alternate(code=code, url=ancestor.get_url(request) or "", fallback=ancestor.title))
        else:
            prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
            result.append(Alternate(code=code, url=f"{prefix}/", fallback=str(_("Home"))))
    return result


def in_reading_language(page, memo: dict | None = None):
    """The live translation of a Wagtail page in the language being read, or the page itself when
    it is already in that language or has no live translation. Apps link to the programme's pages
    (a debate's engagement, an offer's engagements) by their French page; on the English site
    they show and link to its translation. ``memo`` (one per request) holds what was looked up:
    one query per distinct page, none when the page is already in the language being read."""
    if page is None:
        return None
    locale = locale_ids().get(current())
    if locale is None or page.locale_id == locale:
        return page
    memo = {} if memo is None else memo
    key = (page.translation_key, locale)
    if key not in memo:
        model = page.specific_class or type(page)
        found = model.objects.live().filter(translation_key=page.translation_key, locale_id=locale).first()
        memo[key] = found or page
    return memo[key]


def text_in(code: str | None, message, **values) -> str:
    """A lazy ``message`` (``gettext_lazy``) written in language ``code``, with ``values`` put in.
    What the platform writes into a stored text (a pact's history, a version's note) is in that
    text's language, not in the language of whoever happened to act."""
    with translation.override(normalise(code)):
        text = str(message)
    return text % values if values else text
