"""The public documents of a pact: the accessible (tagged, PDF/UA) PDF of a version, read with
pikepdf and pypdf, and the canonical JSON of a version, whose SHA-256 is its fingerprint."""

import hashlib
import io
import json

import pytest

from pactes.models import Pact
from tests.pdf_checks import check_pdf_ua

pytestmark = pytest.mark.django_db


def test_version_pdf_is_a_tagged_pdf_ua_document(client, make_pact):
    pact = make_pact(status=Pact.Status.SIGNING)
    version = pact.versions.get(number=1)

    response = client.get(f"/pactes/{pact.pk}/versions/1.pdf")

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    check_pdf_ua(response.content, title=version.title)


def test_version_json_is_exactly_the_bytes_of_the_fingerprint(client, make_pact):
    pact = make_pact(status=Pact.Status.SIGNING)
    version = pact.versions.get(number=1)

    response = client.get(f"/pactes/{pact.pk}/versions/1.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert hashlib.sha256(response.content).hexdigest() == version.content_hash
    document = json.loads(response.content)
    assert document["pact"] == pact.pk and document["version"] == 1
    assert [c["key"] for c in document["clauses"]] == list(
        version.clauses.order_by("position").values_list("key", flat=True)
    )
    # The same bytes on every request: nothing (time, host, language) leaks into them.
    again = client.get(f"/pactes/{pact.pk}/versions/1.json", headers={"accept-language": "en"})
    assert again.content == response.content
    assert (
        client.get(f"/pactes/{pact.pk}/versions/1.json", headers={"if-none-match": response["ETag"]}).status_code == 304
    )


def test_version_json_of_a_draft_is_not_public(client, client_for, make_pact, people):
    draft = make_pact(status=Pact.Status.DRAFT)

    assert client.get(f"/pactes/{draft.pk}/versions/1.json").status_code == 404
    assert client.head(f"/pactes/{draft.pk}/versions/1.json").status_code == 404
    # Its author may read it, as they may read the draft.
    assert client_for(people.proponent).get(f"/pactes/{draft.pk}/versions/1.json").status_code == 200


def test_version_json_of_an_unknown_version_is_not_found(client, make_pact):
    pact = make_pact(status=Pact.Status.CO_DESIGN)
    assert client.get(f"/pactes/{pact.pk}/versions/9.json").status_code == 404
    assert client.get("/pactes/999999/versions/1.json").status_code == 404


def test_the_register_fingerprint_can_be_recomputed_from_the_published_text(client):
    from django.core.management import call_command

    call_command("load_demo", force=True, stdout=io.StringIO())
    pact = Pact.objects.filter(status=Pact.Status.ACTIVE).first()
    signed = pact.frozen_version

    body = client.get(f"/pactes/{pact.pk}/versions/{signed.number}.json").content

    assert hashlib.sha256(body).hexdigest() == signed.content_hash
    verify = client.get("/pactes/verifier/", {"empreinte": hashlib.sha256(body).hexdigest()})
    assert verify.status_code == 200 and pact.title in verify.content.decode()
