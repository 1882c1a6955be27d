"""Uploaded files are served only by the access-checked views, in every mode: MEDIA_URL is not
routed for them, only Wagtail's image renditions are."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from pactes.models import Pact
from tests.pactes.test_views import PNG, _proposal


@pytest.fixture
def draft_with_attachment(client_for, resident):
    upload = SimpleUploadedFile("plan.png", PNG, content_type="image/png")
    response = client_for(resident).post("/pactes/proposer/", _proposal(attachment=upload, attachment_title="Plan"))
    assert response.status_code == 302
    pact = Pact.objects.get()
    assert pact.status == Pact.Status.DRAFT
    return pact.attachments.get()


@pytest.mark.parametrize("debug", [False, True])
def test_private_draft_attachment_is_not_reachable_under_media_url(
    debug, draft_with_attachment, client_for, other_resident
):
    with override_settings(DEBUG=debug):
        for user in (None, other_resident):
            client = client_for(user)
            assert client.get(f"/media/{draft_with_attachment.file.name}").status_code == 404
            assert client.get(draft_with_attachment.get_absolute_url()).status_code == 404


def test_private_draft_attachment_is_served_to_its_proponent_through_the_checked_view(
    draft_with_attachment, client_for, resident
):
    response = client_for(resident).get(draft_with_attachment.get_absolute_url())
    assert response.status_code == 200 and b"".join(response.streaming_content) == PNG
    assert client_for(resident).get(f"/media/{draft_with_attachment.file.name}").status_code == 404


def test_commons_photo_and_report_folders_are_not_routed(db, client, settings):
    folder = Path(settings.MEDIA_ROOT) / "pactes" / "communs"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "essai.png").write_bytes(PNG)
    assert client.get("/media/pactes/communs/essai.png").status_code == 404


def test_wagtail_image_renditions_stay_public(db, client, settings):
    folder = Path(settings.MEDIA_ROOT) / "images"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "essai.fill-100x100.png").write_bytes(PNG)
    response = client.get("/media/images/essai.fill-100x100.png")
    assert response.status_code == 200
    # A path leaving the public folder is refused (Django's static serve: 400 or 404).
    assert client.get("/media/images/../pactes/communs/essai.png").status_code in {400, 404}
