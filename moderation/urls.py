from django.urls import path

from . import views

app_name = "moderation"
urlpatterns = [
    path("profils/", views.profile_list, name="profile_list"),
    path("profils/<slug:slug>/", views.profile_edit, name="profile_edit"),
]
