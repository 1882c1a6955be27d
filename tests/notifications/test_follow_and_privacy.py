"""Following an engagement, a pact or a commons; forged and private targets; the account's
export and deletion carry notifications, choices and follows."""

import pytest
from django.contrib.contenttypes.models import ContentType

from accounts import services as accounts
from notifications.models import Delivery, Follow, Notification, OutgoingEmail, Preference
from notifications.services import notify
from pactes.models import Pact
from pactes.workflow import pact_transition

S = Pact.Status


def _target(obj) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


def test_follow_a_pact_then_hear_of_its_moves_then_stop(client_for, people, make_pact):
    pact = make_pact(status=S.SUBMITTED)
    client = client_for(people.resident)
    assert f"/notifications/suivre/?target={_target(pact)}" in client.get(pact.get_absolute_url()).content.decode()
    page = client.get(f"/notifications/suivre/?target={_target(pact)}").content.decode()
    assert 'name="target" value="pactes.pact:' in page and 'aria-pressed="false"' in page
    response = client.post(
        "/notifications/suivre/", {"target": _target(pact), "follow": "1", "next": pact.get_absolute_url()}
    )
    assert response.status_code == 302 and response["Location"] == pact.get_absolute_url()
    assert 'aria-pressed="true"' in client.get(f"/notifications/suivre/?target={_target(pact)}").content.decode()
    pact_transition(pact=pact, name="open_consultation", actor=people.city_agent)
    assert Notification.objects.filter(recipient=people.resident, kind="pact_consultation").exists()
    client.post("/notifications/suivre/", {"target": _target(pact), "follow": "0"})
    assert not Follow.objects.filter(user=people.resident).exists()


def test_follow_a_commons_and_an_engagement_and_hear_of_a_new_pact(client_for, people, make_pact, make_user):
    from cite.models import EngagementPage

    pact = make_pact(status=S.DRAFT)
    client = client_for(people.resident)
    assert client.post("/notifications/suivre/", {"target": _target(pact.commons)}).status_code == 302
    engagement = EngagementPage.objects.first()
    if engagement is not None:
        assert client.post("/notifications/suivre/", {"target": _target(engagement)}).status_code == 302
    assert Follow.objects.filter(user=people.resident).count() == (2 if engagement else 1)
    pact_transition(pact=pact, name="submit", actor=people.proponent)
    assert Notification.objects.filter(recipient=people.resident, kind="pact_new_followed").count() == 1


@pytest.mark.parametrize(
    "target",
    ["", "pactes.pact", "pactes.pact:abc", "pactes.pact:999999", "accounts.user:1", "debates.message:1", "x:1"],
)
def test_follow_refuses_forged_targets(client_for, people, target):
    response = client_for(people.resident).post("/notifications/suivre/", {"target": target})
    assert response.status_code == 404
    assert not Follow.objects.exists()


def test_a_draft_cannot_be_followed_by_a_stranger(client_for, people, make_pact):
    pact = make_pact(status=S.DRAFT)
    assert client_for(people.resident).post("/notifications/suivre/", {"target": _target(pact)}).status_code == 404
    assert client_for(None).post("/notifications/suivre/", {"target": _target(pact)}).status_code == 302
    assert not Follow.objects.exists()


def test_export_and_deletion_include_notifications_choices_and_follows(people, make_pact):
    pact = make_pact(status=S.CONSULTATION)
    user = people.proponent
    notify(recipients=[user], kind="pact_co_design", object=pact, actor=people.city_agent)
    Preference.objects.create(user=user, kind="message_reply", delivery=Delivery.WEEKLY)
    Follow.objects.create(user=user, target_type=ContentType.objects.get_for_model(pact), target_id=pact.pk)
    data = accounts.account_export(actor=user, user=user)["notifications"]
    assert data["notifications"][0]["kind"] == "pact_co_design"
    assert data["notifications"][0]["link"] == pact.get_absolute_url()
    assert data["email_choices"] == {"message_reply": "weekly"}
    assert data["follows"] == [{"object": "pactes.pact", "id": pact.pk}]
    address = user.email
    accounts.account_delete(actor=user, user=user)
    assert not Notification.objects.filter(recipient=user).exists()
    assert not Preference.objects.filter(user=user).exists()
    assert not Follow.objects.filter(user=user).exists()
    assert not OutgoingEmail.objects.filter(to=address, status=OutgoingEmail.Status.PENDING).exists()


def test_deleted_or_inactive_accounts_are_never_notified(people, make_pact):
    pact = make_pact(status=S.CONSULTATION)
    people.other_party.is_active = False
    people.other_party.save()
    notify(recipients=[people.other_party, None], kind="pact_co_design", object=pact)
    assert not Notification.objects.exists()


def test_notify_refuses_unknown_kinds_and_objects(people, make_pact):
    pact = make_pact(status=S.CONSULTATION)
    with pytest.raises(LookupError):
        notify(recipients=[people.proponent], kind="nope", object=pact)
    with pytest.raises(LookupError):
        notify(recipients=[people.proponent], kind="pact_co_design", object=people.association)
