from django.urls import path

from notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.inbox, name="list"),
    path("<id:pk>/lue/", views.mark_read, name="mark_read"),
    path("tout-lu/", views.mark_all_read, name="mark_all_read"),
    path("suivre/", views.follow, name="follow"),
    path("desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
