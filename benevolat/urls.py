from django.urls import path

from benevolat import views

app_name = "benevolat"
urlpatterns = [
    path("", views.call_list, name="list"),
    path("nouvel-appel/", views.call_create, name="create"),
    path("mes-engagements/", views.my_answers, name="mine"),
    path("<id:pk>/", views.call_detail, name="detail"),
    path("<id:pk>/je-me-propose/", views.call_answer, name="answer"),
    path("<id:pk>/me-retirer/", views.answer_withdraw, name="withdraw"),
    path("<id:pk>/modifier/", views.call_edit, name="edit"),
    path("<id:pk>/fermer/", views.call_close, name="close"),
    path("<id:pk>/rouvrir/", views.call_reopen, name="reopen"),
    path("<id:pk>/reponses/<id:answer_id>/decision/", views.answer_decide, name="decide"),
    path("<id:pk>/reponses/<id:answer_id>/heures/", views.hours_record, name="hours"),
    path("<id:pk>/reponses/<id:answer_id>/heures/<id:entry_id>/supprimer/", views.hours_remove, name="hours_remove"),
]
