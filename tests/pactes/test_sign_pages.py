"""Signing through the pages (re-authentication), the PDF of a signed version and the public
verification page."""

import io
import re

import pytest
from pypdf import PdfReader

from pactes.models import Pact, Signature
from tests.conftest import PASSWORD


def _pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def _sign(client, pact, *, password=PASSWORD, **extra):
    data = {"version_number": pact.frozen_version.number, "password": password, "confirm": "on", **extra}
    if "party" not in data:
        page = client.get(f"/pactes/{pact.pk}/signer/")
        data["party"] = re.search(r'name="party"[^>]*>\s*<option value="(\d+)"', page.text).group(1)
    return client.post(f"/pactes/{pact.pk}/signer/", data)


def test_sign_page_with_a_wrong_password_signs_nothing(client_for, people, make_pact):
    pact = make_pact(status=Pact.Status.SIGNING)
    response = _sign(client_for(people.proponent), pact, password="pas-le-bon-mot")
    assert response.status_code == 400
    assert "Le mot de passe est incorrect." in response.text
    assert Signature.objects.count() == 0


def test_sign_page_for_a_party_of_someone_else_is_refused(client_for, people, make_pact):
    pact = make_pact(status=Pact.Status.SIGNING)
    city_party = pact.parties.get(role="city")
    response = _sign(client_for(people.proponent), pact, party=city_party.pk)
    assert response.status_code == 400  # not a choice offered to this person
    assert Signature.objects.count() == 0


def test_sign_page_is_hidden_from_a_resident_and_outside_signing(client_for, people, make_pact):
    pact = make_pact(status=Pact.Status.SIGNING)
    assert client_for(people.resident).get(f"/pactes/{pact.pk}/signer/").status_code == 404
    other = make_pact(status=Pact.Status.CO_DESIGN, title="Autre")
    assert client_for(people.proponent).get(f"/pactes/{other.pk}/signer/").status_code == 404


def test_sign_page_asks_for_the_code_when_the_second_factor_is_on(client_for, people, make_pact):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(people.proponent, generate_totp_secret())
    pact = make_pact(status=Pact.Status.SIGNING)
    client = client_for(people.proponent)
    assert 'name="code"' in client.get(f"/pactes/{pact.pk}/signer/").text
    response = _sign(client, pact, code="123456")
    assert response.status_code == 400
    assert Signature.objects.count() == 0


def test_signed_pdf_shows_the_fingerprint_and_the_verification_page_finds_it(client_for, people, make_pact):
    pact = make_pact(status=Pact.Status.SIGNING)
    for signer in (people.proponent, people.other_party, people.city_agent):
        response = _sign(client_for(signer), pact)
        assert response.status_code == 302, response.content[:2000]
    pact.refresh_from_db()
    assert pact.status == Pact.Status.ACTIVE
    version = pact.frozen_version
    response = client_for(None).get(f"/pactes/{pact.pk}/versions/{version.number}.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = _pdf_text(response)
    assert version.content_hash in re.sub(r"\s+", "", text)
    for name in ("Les Jardins partagés", "Amicale des locataires", "Ville – Direction des espaces verts"):
        assert name in text
    assert "Objectifs et actions" in text and "Porteuse" in text

    page = client_for(None).get("/pactes/verifier/", {"empreinte": version.content_hash.upper()})
    assert page.status_code == 200
    assert "Cette empreinte est connue" in page.text
    assert pact.title in page.text and "Porteuse" in page.text and "Camille (mairie)" in page.text
    assert "correspond à la version, à chaque signature et au journal public" in page.text


@pytest.mark.parametrize("value", ["abc", "z" * 64, "0" * 63, "<script>", "0" * 65])
def test_verification_refuses_malformed_fingerprints(client, value):
    response = client.get("/pactes/verifier/", {"empreinte": value})
    assert response.status_code == 400
    assert "64 caractères" in response.text


def test_verification_of_an_unknown_or_draft_fingerprint_finds_nothing(client, make_pact):
    draft = make_pact(status=Pact.Status.DRAFT)
    for fingerprint in ("0" * 64, draft.versions.get().content_hash):
        response = client.get("/pactes/verifier/", {"empreinte": fingerprint})
        assert response.status_code == 200
        assert "Aucune version d’un pacte public" in response.text


def test_verification_page_without_input_shows_the_form(client):
    response = client.get("/pactes/verifier/")
    assert response.status_code == 200 and 'name="empreinte"' in response.text


def test_sign_page_with_the_right_totp_code_signs(client_for, people, make_pact):
    from allauth.mfa.totp.internal.auth import (
        TOTP,
        format_hotp_value,
        generate_totp_secret,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    secret = generate_totp_secret()
    TOTP.activate(people.proponent, secret)
    counters = list(yield_hotp_counters_from_time())
    code = format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))
    pact = make_pact(status=Pact.Status.SIGNING)
    response = _sign(client_for(people.proponent), pact, code=code)
    assert response.status_code == 302
    signature = Signature.objects.get()
    assert signature.signer == people.proponent and signature.second_factor is True
