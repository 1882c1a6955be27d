"""The person's private link: see and delete their referral without an account; forged, replaced,
deleted or erased links open nothing."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import signing

from notifications.models import Notification
from orientation import consent, services
from orientation.models import FollowUp, Referral, ReferralOffer


def test_the_person_sees_their_referral(client, refer):
    _referral, token = refer(first_name="Josiane", contact="06 12 34 56 78")
    response = client.get(f"/orientation/ma-demarche/{token}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Josiane" in body and "06 12 34 56 78" in body and "Jardinage collectif du samedi" in body
    assert response["Referrer-Policy"] == "same-origin"
    assert "noindex" in response["X-Robots-Tag"]
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_the_consent_keeps_the_language_it_was_read_in(client, refer):
    from django.utils import translation

    with translation.override("en"):
        referral, token = refer()
    assert referral.language == "en"

    body = client.get(f"/orientation/ma-demarche/{token}/").content.decode()

    assert f'<q lang="en">{referral.consent_text}</q>' in body


def test_the_person_deletes_their_referral(client, refer, team_member):
    _referral, token = refer()
    assert Notification.objects.filter(recipient=team_member).exists()
    response = client.post(f"/orientation/ma-demarche/{token}/", {"confirm": "yes"})
    assert response.status_code == 200 and "supprimée" in response.content.decode()
    assert not Referral.objects.exists() and not ReferralOffer.objects.exists() and not FollowUp.objects.exists()
    # The notifications that pointed to it are gone too.
    assert not Notification.objects.filter(target_type=ContentType.objects.get_for_model(ReferralOffer)).exists()
    again = client.get(f"/orientation/ma-demarche/{token}/")
    assert again.status_code == 404 and "ne fonctionne plus" in again.content.decode()
    assert client.post(f"/orientation/ma-demarche/{token}/", {"confirm": "yes"}).status_code == 404


def test_deleting_needs_the_confirmation(client, refer):
    _referral, token = refer()
    response = client.post(f"/orientation/ma-demarche/{token}/", {})
    assert response.status_code == 302
    assert Referral.objects.exists()


def _forged(referral_id, secret="x" * 32):
    return signing.dumps([referral_id, secret], salt="something else")


@pytest.mark.parametrize(
    "make_token",
    [
        lambda r, t: t[:-2] + ("AA" if not t.endswith("AA") else "BB"),  # cut/changed signature
        lambda r, t: "nimportequoi",
        lambda r, t: _forged(r.pk),  # signed with another salt
        lambda r, t: consent.make_token(r.pk, "a-guessed-secret"),  # right signature, wrong secret
        lambda r, t: consent.make_token(r.pk + 1, t),  # another referral's id
        lambda r, t: signing.Signer(salt=consent.LINK_SALT).sign(f"x{r.pk}.secret"),  # malformed
        lambda r, t: signing.Signer(salt=consent.LINK_SALT).sign(f"{r.pk}"),  # no secret
        lambda r, t: signing.dumps([r.pk, "x"], salt=consent.LINK_SALT),  # another format
        lambda r, t: "a" * 400,  # oversize
    ],
)
def test_a_bad_token_opens_nothing(client, refer, make_token):
    referral, token = refer()
    bad = make_token(referral, token)
    response = client.get(f"/orientation/ma-demarche/{bad}/")
    assert response.status_code == 404
    assert "Josiane" not in response.content.decode()
    assert client.post(f"/orientation/ma-demarche/{bad}/", {"confirm": "yes"}).status_code == 404
    assert Referral.objects.filter(pk=referral.pk).exists()


def test_a_new_link_replaces_the_old_one(client_for, client, refer, connector):
    referral, old = refer()
    new = services.referral_link_reissue(actor=connector, referral=referral)
    assert client.get(f"/orientation/ma-demarche/{old}/").status_code == 404
    assert client.get(f"/orientation/ma-demarche/{new}/").status_code == 200


def test_the_connector_makes_a_new_link_from_the_page(client_for, refer, connector):
    referral, old = refer()
    client = client_for(connector)
    response = client.post(f"/orientation/{referral.pk}/lien/")
    assert response.status_code == 302
    body = client.get(f"/orientation/{referral.pk}/lien/").content.decode()
    assert "/orientation/ma-demarche/" in body and old not in body


def test_an_erased_referral_link_opens_nothing(client, refer):
    referral, token = refer()
    Referral.objects.filter(pk=referral.pk).update(erased_at=referral.created_at)
    assert client.get(f"/orientation/ma-demarche/{token}/").status_code == 404


def test_the_connector_deletes_a_referral_once_they_tick_the_box(client_for, refer, connector):
    referral, _token = refer()
    client = client_for(connector)
    assert 'name="confirm"' in client.get(f"/orientation/{referral.pk}/").content.decode()
    response = client.post(f"/orientation/{referral.pk}/supprimer/", follow=True)
    assert response.redirect_chain[-1][0] == f"/orientation/{referral.pk}/"
    assert "Cochez la case pour confirmer la suppression" in response.content.decode()
    assert Referral.objects.filter(pk=referral.pk).exists()
    response = client.post(f"/orientation/{referral.pk}/supprimer/", {"confirm": "yes"})
    assert response.status_code == 302 and not Referral.objects.exists()


def test_the_service_refuses_a_deletion_not_confirmed(refer, connector):
    from core.errors import InvalidInput

    referral, _token = refer()
    for confirmed in (False, "yes", None):
        with pytest.raises(InvalidInput) as error:
            services.referral_delete(actor=connector, referral=referral, confirmed=confirmed)
        assert error.value.code == "NOT_CONFIRMED"
    assert Referral.objects.filter(pk=referral.pk).exists()
