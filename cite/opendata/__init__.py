"""Open data: the data catalogue (``/donnees/``) with the Table Schemas of every CSV."""

from django.urls import path

from cite.opendata import views

urlpatterns = [
    path("donnees/", views.open_data, name="cite_open_data"),
    path("donnees/datapackage.json", views.datapackage, name="cite_datapackage"),
]
