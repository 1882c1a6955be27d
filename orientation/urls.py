from django.urls import path

from orientation import views

app_name = "orientation"

urlpatterns = [
    path("", views.index, name="index"),
    path("nouvelle/", views.referral_create, name="create"),
    path("<id:pk>/", views.referral_detail, name="referral"),
    path("<id:pk>/lien/", views.referral_link, name="link"),
    path("<id:pk>/supprimer/", views.referral_delete, name="delete"),
    path("suivis/<id:pk>/", views.follow_up_record, name="follow_up"),
    path("offres/<id:pk>/", views.line_detail, name="line"),
    path("offres/<id:pk>/venue/", views.line_attendance, name="attendance"),
    path("offres/<id:pk>/binome/", views.line_pair, name="pair"),
    path("binome/", views.binome, name="binome"),
    path("ma-demarche/<str:token>/", views.person, name="person"),
]
