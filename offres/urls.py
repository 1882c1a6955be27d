from django.urls import path

from offres.views import directory, manage

app_name = "offres"
urlpatterns = [
    path("", directory.directory_view, name="list"),
    path("offres.csv", directory.export_csv, name="export_csv"),
    path("offres.geojson", directory.export_geojson, name="export_geojson"),
    path("offres.ics", directory.directory_calendar, name="calendar"),
    path("mes-offres/", manage.my_offers, name="mine"),
    path("publier/", manage.offer_create, name="create"),
    path("suggerer/", manage.offer_suggest, name="suggest"),
    path("<id:pk>/", directory.offer_detail, name="detail"),
    path("<id:pk>/calendrier.ics", directory.offer_calendar, name="offer_calendar"),
    path("<id:pk>/modifier/", manage.offer_edit, name="edit"),
    path("<id:pk>/signaler/", manage.offer_report, name="report"),
    path("<id:pk>/action/<slug:name>/", manage.offer_action, name="action"),
]
