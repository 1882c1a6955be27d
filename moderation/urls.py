from django.urls import path

from . import views

app_name = "moderation"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("agir/", views.queue_act, name="act"),
    path("recours/<id:action_id>/", views.appeal, name="appeal"),
    path("recours/message/<id:message_id>/", views.appeal_for_message, name="appeal_for_message"),
    path("recours/decision/<id:appeal_id>/", views.appeal_decide, name="appeal_decide"),
    path("signaler/<id:message_id>/", views.report, name="report"),
    path("silences/", views.personal_mutes, name="personal_mutes"),
    path("registre/", views.register, name="register"),
    path("registre.csv", views.register_csv, name="register_csv"),
    path("reformulation/<id:debate_id>/", views.reformulation, name="reformulation"),
    path("profils/", views.profile_list, name="profile_list"),
    path("profils/<slug:slug>/", views.profile_edit, name="profile_edit"),
]
