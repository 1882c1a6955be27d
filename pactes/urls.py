from django.urls import path

from pactes import views

app_name = "pactes"
urlpatterns = [
    path("", views.pact_list, name="list"),
    path("biens-communs/", views.commons_list, name="commons"),
    path("biens-communs/<int:pk>/photo/", views.commons_photo, name="commons_photo"),
    path("proposer/", views.propose, name="propose"),
    path("verifier/", views.verify, name="verify"),
    path("pieces-jointes/<int:pk>/", views.attachment, name="attachment"),
    path("<int:pk>/", views.pact_detail, name="detail"),
    path("<int:pk>/action/<slug:name>/", views.pact_action, name="action"),
    path("<int:pk>/deliberation/", views.council_reference, name="council_reference"),
    path("<int:pk>/debat/", views.debate_link, name="debate_link"),
    path("<int:pk>/modifier/", views.pact_edit, name="edit"),
    path("<int:pk>/versions/<int:number>/", views.version_detail, name="version"),
    path("<int:pk>/versions/<int:number>.pdf", views.version_pdf_view, name="version_pdf"),
    path("<int:pk>/diff/", views.version_diff, name="diff"),
    path("<int:pk>/commenter/", views.comment_create, name="comment"),
    path("<int:pk>/commentaires/<int:comment_id>/repondre/", views.comment_answer, name="answer"),
    path("<int:pk>/signer/", views.sign, name="sign"),
    path("<int:pk>/rejoindre/", views.join, name="join"),
    path("<int:pk>/demandes/<int:request_id>/", views.join_decide, name="join_decide"),
    path("<int:pk>/pieces-jointes/", views.attachment_upload, name="attachment_upload"),
]
