"""The sitemap (``/sitemap.xml``): the Wagtail pages of the programme and every other kind of
public page — the pacts register and each public pact, the directory of offers and each listed
offer, the commons, the debates and each public debate, the dashboard, the moderation register
and the data catalogue."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap as PagesSitemap


class SiteSitemap(Sitemap):
    """Addresses on the site's canonical origin (``SITE_URL``), the one the Wagtail pages use,
    whatever host the request came by: a sitemap holds one host's URLs."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class FixedPagesSitemap(SiteSitemap):
    """The public pages that are not Wagtail pages nor one object's page."""

    changefreq = "daily"
    names = [
        "pactes:list",
        "pactes:commons",
        "pactes:verify",
        "offres:list",
        "debates:index",
        "cite_dashboard",
        "moderation:register",
        "cite_open_data",
    ]

    def items(self):
        return self.names

    def location(self, item):
        return reverse(item)


class PactSitemap(SiteSitemap):
    changefreq = "weekly"

    def items(self):
        from pactes.selectors import public_pacts

        return public_pacts().order_by("pk").only("pk", "status_changed_at")

    def lastmod(self, pact):
        return pact.status_changed_at


class OfferSitemap(SiteSitemap):
    changefreq = "weekly"

    def items(self):
        from offres.selectors import offers_listed

        return offers_listed().order_by("pk").only("pk", "updated_at")

    def lastmod(self, offer):
        return offer.updated_at


class DebateSitemap(SiteSitemap):
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
