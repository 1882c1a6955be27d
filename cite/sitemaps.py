"""The sitemap (``/sitemap.xml``): the Wagtail pages of the programme and every other kind of
public page — the pacts register and each public pact, the directory of offers and each listed
offer, the commons, the debates and each public debate, the dashboard, the moderation register
and the data catalogue.

One sitemap for both languages: every address comes with its ``hreflang`` alternates (``fr``,
``en`` and ``x-default``, the French address). The app pages exist in both languages; a Wagtail
page is listed in each locale it is published in, with its published translations as alternates.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.urls import path, reverse
from django.views.generic import RedirectView
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap as WagtailSitemap


class SiteSitemap(Sitemap):
    """Addresses on the site's canonical origin (``SITE_URL``), the one the Wagtail pages use,
    whatever host the request came by: a sitemap holds one host's URLs."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class BothLanguagesSitemap(SiteSitemap):
    """Each item in French and English (``/en/…``), each address with its alternates."""

    i18n = True
    alternates = True
    x_default = True


class PagesSitemap(WagtailSitemap):
    """The live, public Wagtail pages of every locale of the site, each with the published
    translations as alternates (two queries whatever the number of pages)."""

    def items(self):
        from wagtail.models import Page

        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        pages = list(self.paginator.page(page).object_list)
        by_key: dict = {}
        for item in pages:
            by_key.setdefault(item.translation_key, []).append(item)
        from wagtail.models import Locale

        codes = dict(Locale.objects.values_list("pk", "language_code"))
        default = settings.LANGUAGE_CODE
        for item, url in zip(pages, urls, strict=True):
            siblings = sorted(by_key[item.translation_key], key=lambda p: codes[p.locale_id] != default)
            if len(siblings) > 1:
                url["alternates"] = [
                    {"lang_code": codes[p.locale_id], "location": p.get_full_url(self.request)} for p in siblings
                ]
                url["alternates"].append({"lang_code": "x-default", "location": url["alternates"][0]["location"]})
        return urls


class FixedPagesSitemap(BothLanguagesSitemap):
    """The public pages that are not Wagtail pages nor one object's page."""

    changefreq = "daily"
    names = [
        "pactes:list",
        "pactes:commons",
        "pactes:verify",
        "offres:list",
        "benevolat:list",
        "debates:index",
        "cite_dashboard",
        "moderation:register",
        "cite_open_data",
    ]

    def items(self):
        return self.names

    def location(self, item):
        return reverse(item)


class PactSitemap(BothLanguagesSitemap):
    changefreq = "weekly"

    def items(self):
        from pactes.selectors import public_pacts

        return public_pacts().order_by("pk").only("pk", "status_changed_at")

    def lastmod(self, pact):
        return pact.status_changed_at


class OfferSitemap(BothLanguagesSitemap):
    changefreq = "weekly"

    def items(self):
        from offres.selectors import offers_listed

        return offers_listed().order_by("pk").only("pk", "updated_at")

    def lastmod(self, offer):
        return offer.updated_at


class DebateSitemap(BothLanguagesSitemap):
    changefreq = "daily"

    def items(self):
        from debates.models import Debate

        public = Debate.objects.filter(visibility=Debate.Visibility.PUBLIC)
        return public.exclude(status=Debate.Status.ARCHIVED).order_by("pk").only("pk", "slug")


SITEMAPS = {
    "pages": PagesSitemap,
    "site": FixedPagesSitemap(),
    "pactes": PactSitemap(),
    "offres": OfferSitemap(),
    "debats": DebateSitemap(),
}

sitemap_urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="cite_sitemap"),
    # Where a crawler of the English site looks first: the one sitemap, which lists the English
    # addresses with their French alternates.
    path("en/sitemap.xml", RedirectView.as_view(pattern_name="cite_sitemap", permanent=True)),
]
