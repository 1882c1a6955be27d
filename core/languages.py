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
    from wagtail.models import Locale, Page

    locales = {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=codes())}
    translations = {
        p.locale_id: p for p in Page.objects.filter(translation_key=page.translation_key).live().public()
    }
    translations.setdefault(page.locale_id, page)
    page_language = next((code for code, locale in locales.items() if locale.pk == page.locale_id), language)
    found, missing = [], []
    for code in codes():
        locale = locales.get(code)
        translated = translations.get(locale.pk) if locale else None
        if translated is not None:
            found.append(Alternate(code=code, url=translated.get_url(request) or "", is_current=code == page_language))
        else:
            missing.append(code)
    if missing:
        found += _ancestor_fallbacks(request, page, missing, locales)
    order = codes()
    return sorted(found, key=lambda alternate: order.index(alternate.code))


def _ancestor_fallbacks(request, page, missing: list[str], locales: dict) -> list[Alternate]:
    """For each language the page is not translated into: its nearest ancestor that is."""
    from wagtail.models import Page

    ancestors = list(page.get_ancestors().filter(depth__gte=2))
    keys = {ancestor.translation_key: ancestor.depth for ancestor in ancestors}
    candidates = (
        Page.objects.filter(translation_key__in=keys, locale__in=[locales[c] for c in missing if c in locales])
        .live()
        .public()
    )
    best: dict = {}
    for candidate in candidates:
        depth = keys[candidate.translation_key]
        if candidate.locale_id not in best or depth > best[candidate.locale_id][0]:
            best[candidate.locale_id] = (depth, candidate)
    result = []
    for code in missing:
        locale = locales.get(code)
        if locale is not None and locale.pk in best:
            ancestor = best[locale.pk][1]
            result.append(Alternate(code=code, url=ancestor.get_url(request) or "", fallback=ancestor.title))
        else:
            prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
            result.append(Alternate(code=code, url=f"{prefix}/", fallback=str(_("Home"))))
    return result
