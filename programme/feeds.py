"""RSS and Atom feeds of the news items."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    """The news of the language being read: ``/actualites/rss.xml`` in French, ``/en/…`` in
    English (the English news index and its translated items); the feed says its language
    (RSS ``<language>``, Atom ``xml:lang``)."""

    feed_type = Rss201rev2Feed

    def get_object(self, request):
        from wagtail.models import Locale

        from programme.models import NewsIndexPage

        indexes = NewsIndexPage.objects.live().public()
        index = indexes.filter(locale=Locale.get_active()).first()
        if index is None:
            raise Http404(_("There is no news page."))
        self.request = request
        self.language = index.locale.language_code
        return index

    def title(self, index):
        return f"{index.title} – {settings.SITE_NAME}"

    def link(self, index):
        return index.get_url(self.request)

    def description(self, index):
        return _("News of the programme “Faire la ville du lien” in %(city)s.") % {"city": settings.CITY_NAME}

    def items(self, index):
        from programme.models import NewsPage

        return (
            NewsPage.objects.live()
            .public()
            .child_of(index)
            .order_by("-date", "-first_published_at")
            .prefetch_related("tags")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        # The editorial date is a day; a feed wants an instant: midnight, city time.
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time()))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    # RFC 4287 asks every entry for an author, or the feed for one: the city publishes the news.
    def author_name(self, index):
        return settings.CITY_NAME

    def author_link(self, index):
        return self.request.build_absolute_uri("/")

    def subtitle(self, index):
        return self.description(index)
