"""The public dashboard of the indicators and the open-data catalogue, mounted at ``/`` by the
project's URLs."""

from evaluation import dashboard, opendata

urlpatterns = [*dashboard.urlpatterns, *opendata.urlpatterns]
