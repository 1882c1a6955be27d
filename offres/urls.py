from django.urls import path

from offres.views import directory

app_name = "offres"
urlpatterns = [
    path("", directory.directory_view, name="list"),
    path("<id:pk>/", directory.offer_detail, name="detail"),
]
