"""Site-wide URLs of the city pages (search, feeds, sitemap, API) added by the programme."""

urlpatterns: list = []
