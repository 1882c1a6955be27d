from django.urls import path

from debates import views

app_name = "debates"
urlpatterns = [
    path("", views.index, name="index"),
    path("agenda.ics", views.calendar, name="calendar"),
    path("seances.csv", views.sessions_csv, name="sessions_csv"),
    path("<slug:slug>/", views.room, name="room"),
    path("<slug:slug>/salle/", views.hall, name="hall"),
    path("<slug:slug>/messages/", views.post_message, name="post"),
    path("<slug:slug>/charte/", views.accept_charter, name="charter"),
    path("<slug:slug>/suivre/", views.follow, name="follow"),
    path("<slug:slug>/main/", views.hand, name="hand"),
    path("<slug:slug>/cloture/", views.close, name="close"),
    path("<slug:slug>/agenda.ics", views.debate_calendar, name="debate_calendar"),
    path("<slug:slug>/transcription.html", views.transcript_html, name="transcript_html"),
    path("<slug:slug>/transcription.json", views.transcript_json, name="transcript_json"),
    path("<slug:slug>/carte.png", views.debate_card, name="card"),
]
