from django.urls import path

from pactes.views import followup, pact, public, register, signing, text

app_name = "pactes"
urlpatterns = [
    path("", register.register_view, name="list"),
    path("biens-communs/", register.commons_view, name="commons"),
    path("export.csv", register.export_csv, name="export_csv"),
    path("export.geojson", register.export_geojson, name="export_geojson"),
    path("biens-communs/export.csv", register.export_commons_csv, name="export_commons_csv"),
    path("biens-communs/<id:pk>/photo/", public.commons_photo, name="commons_photo"),
    path("verifier/", public.verify, name="verify"),
    path("pieces-jointes/<id:pk>/", public.attachment, name="attachment"),
    path("proposer/", pact.propose, name="propose"),
    path("tableau-de-bord/", followup.dashboard_view, name="dashboard"),
    path("photos-rapports/<id:pk>/", followup.report_photo, name="report_photo"),
    path("<id:pk>/rapport/", followup.report_create, name="report"),
    path("<id:pk>/rapports/<id:report_id>/repondre/", followup.report_answer, name="report_answer"),
    path("<id:pk>/renouveler/", followup.renew, name="renew"),
    path("<id:pk>/", pact.pact_detail, name="detail"),
    path("<id:pk>/carte.png", register.pact_card, name="card"),
    path("<id:pk>/action/<slug:name>/", pact.pact_action, name="action"),
    path("<id:pk>/deliberation/", pact.council_reference, name="council_reference"),
    path("<id:pk>/debat/", pact.debate_link, name="debate_link"),
    path("<id:pk>/commenter/", pact.comment_create, name="comment"),
    path("<id:pk>/commentaires/<id:comment_id>/repondre/", pact.comment_answer, name="answer"),
    path("<id:pk>/rejoindre/", pact.join, name="join"),
    path("<id:pk>/demandes/<id:request_id>/", pact.join_decide, name="join_decide"),
    path("<id:pk>/pieces-jointes/", pact.attachment_upload, name="attachment_upload"),
    path("<id:pk>/modifier/", text.pact_edit, name="edit"),
    path("<id:pk>/versions/<id:number>/", text.version_detail, name="version"),
    path("<id:pk>/versions/<id:number>.pdf", text.version_pdf_view, name="version_pdf"),
    path("<id:pk>/versions/<id:number>.json", text.version_json_view, name="version_json"),
    path("<id:pk>/diff/", text.version_diff, name="diff"),
    path("<id:pk>/signer/", signing.sign, name="sign"),
]
