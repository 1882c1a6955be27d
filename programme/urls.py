"""Site-wide URLs of the city pages (search, feeds, sitemap, robots.txt, API), mounted at ``/``
before Wagtail's catch-all."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.contrib.sitemaps.views import sitemap

from programme import views
from programme.feeds import NewsAtomFeed, NewsRssFeed

# Open data: Wagtail's read-only API v2 over the live, public pages of the programme.
api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", views.ProgrammePagesAPIViewSet)

urlpatterns = [
    path("recherche/", views.search, name="cite_search"),
    path("actualites/rss.xml", NewsRssFeed(), name="cite_news_rss"),
    path("actualites/atom.xml", NewsAtomFeed(), name="cite_news_atom"),
    path("sitemap.xml", sitemap, name="cite_sitemap"),
    path("robots.txt", views.robots_txt, name="cite_robots"),
    path("api/v2/", api_router.urls),
]
