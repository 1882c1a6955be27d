"""Site-wide URLs of the city pages (search, feeds, sitemap, robots.txt, API), mounted at ``/``
before Wagtail's catch-all.

``urlpatterns`` and ``page_urlpatterns`` (Wagtail's page tree, last) sit in the shell's
``i18n_patterns`` (``/…`` in French, ``/en/…`` in English); ``unprefixed_urlpatterns`` (robots.txt
and the API, whose ``?locale=`` chooses the language) have no language prefix.
"""

from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.api.v2.router import WagtailAPIRouter

from core.conditional import conditional_page
from programme import views
from programme.feeds import NewsAtomFeed, NewsRssFeed

# Open data: Wagtail's read-only API v2 over the live, public pages of the programme.
api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", views.ProgrammePagesAPIViewSet)

urlpatterns = [
    path("recherche/", views.search, name="cite_search"),
    path("actualites/rss.xml", conditional_page(NewsRssFeed()), name="cite_news_rss"),
    path("actualites/atom.xml", conditional_page(NewsAtomFeed()), name="cite_news_atom"),
    path("carte/<id:page_id>.png", views.page_card, name="cite_page_card"),
]

unprefixed_urlpatterns = [
    path("robots.txt", views.robots_txt, name="cite_robots"),
    path("api/v2/", api_router.urls),
]

page_urlpatterns = [path("", include(wagtail_urls))]
