"""Site-wide URLs of the city pages (search, feeds, sitemap, robots.txt, API), mounted at ``/``
before Wagtail's catch-all."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.contrib.sitemaps.views import sitemap

from cite import dashboard, opendata, views
from cite.conditional import conditional_page
from cite.feeds import NewsAtomFeed, NewsRssFeed
from cite.sitemaps import SITEMAPS

# Open data: Wagtail's read-only API v2 over the live, public pages of the programme.
api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", views.ProgrammePagesAPIViewSet)

urlpatterns = [
    path("recherche/", views.search, name="cite_search"),
    path("actualites/rss.xml", conditional_page(NewsRssFeed()), name="cite_news_rss"),
    path("actualites/atom.xml", conditional_page(NewsAtomFeed()), name="cite_news_atom"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="cite_sitemap"),
    path("robots.txt", views.robots_txt, name="cite_robots"),
    path("carte/<id:page_id>.png", views.page_card, name="cite_page_card"),
    path("api/v2/", api_router.urls),
    *dashboard.urlpatterns,
    *opendata.urlpatterns,
]
