from django.urls import path

from orientation import views

app_name = "orientation"

urlpatterns = [
    path("", views.index, name="index"),
    path("nouvelle/", views.referral_create, name="create"),
    path("<int:pk>/", views.referral_detail, name="referral"),
    path("<int:pk>/lien/", views.referral_link, name="link"),
    path("<int:pk>/supprimer/", views.referral_delete, name="delete"),
    path("suivis/<int:pk>/", views.follow_up_record, name="follow_up"),
    path("offres/<int:pk>/", views.line_detail, name="line"),
    path("offres/<int:pk>/venue/", views.line_attendance, name="attendance"),
    path("offres/<int:pk>/binome/", views.line_pair, name="pair"),
    path("binome/", views.binome, name="binome"),
    path("ma-demarche/<str:token>/", views.person, name="person"),
]
