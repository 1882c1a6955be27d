from django.urls import path

from pactes.views import followup, journal, pact, places, public, register, signing, text

app_name = "pactes"
urlpatterns = [
    path("", register.register_view, name="list"),
    path("biens-communs/", register.commons_view, name="commons"),
    path("export.csv", register.export_csv, name="export_csv"),
    path("export.geojson", register.export_geojson, name="export_geojson"),
    path("biens-communs/<int:pk>/", places.commons_detail, name="commons_detail"),
    path("biens-communs/<int:pk>/photo/", public.commons_photo, name="commons_photo"),
    path("quartiers.geojson", places.neighbourhoods, name="neighbourhoods"),
    path("geocodage/", places.geocode_view, name="geocode"),
    path("verifier/", public.verify, name="verify"),
    path("journal/", journal.journal_view, name="journal"),
    path("journal.json", journal.journal_feed, name="journal_feed"),
    path("pieces-jointes/<int:pk>/", public.attachment, name="attachment"),
    path("proposer/", pact.propose, name="propose"),
    path("tableau-de-bord/", followup.dashboard_view, name="dashboard"),
    path("photos-rapports/<int:pk>/", followup.report_photo, name="report_photo"),
    path("<int:pk>/rapport/", followup.report_create, name="report"),
    path("<int:pk>/rapports/<int:report_id>/repondre/", followup.report_answer, name="report_answer"),
    path("<int:pk>/renouveler/", followup.renew, name="renew"),
    path("<int:pk>/", pact.pact_detail, name="detail"),
    path("<int:pk>/action/<slug:name>/", pact.pact_action, name="action"),
    path("<int:pk>/deliberation/", pact.council_reference, name="council_reference"),
    path("<int:pk>/debat/", pact.debate_link, name="debate_link"),
    path("<int:pk>/commenter/", pact.comment_create, name="comment"),
    path("<int:pk>/commentaires/<int:comment_id>/repondre/", pact.comment_answer, name="answer"),
    path("<int:pk>/rejoindre/", pact.join, name="join"),
    path("<int:pk>/demandes/<int:request_id>/", pact.join_decide, name="join_decide"),
    path("<int:pk>/pieces-jointes/", pact.attachment_upload, name="attachment_upload"),
    path("<int:pk>/modifier/", text.pact_edit, name="edit"),
    path("<int:pk>/versions/<int:number>/", text.version_detail, name="version"),
    path("<int:pk>/versions/<int:number>.pdf", text.version_pdf_view, name="version_pdf"),
    path("<int:pk>/diff/", text.version_diff, name="diff"),
    path("<int:pk>/signer/", signing.sign, name="sign"),
]
