"""Reformulation mode (set from the room and from the profile page, enforced on replies) and
the automatic hide, which counts only reports made after the last decision of a person."""

import uuid

import pytest

from cite.errors import PermissionDenied
from debates import services as rooms
from debates.models import Message, RoomEvent
from debates.services import PostRefused
from moderation import services
from moderation.models import FacilitationProfile

pytestmark = pytest.mark.django_db


def reply(user, debate, to, body="Je ne suis pas d'accord, le samedi matin convient mieux.", **kwargs):
    rooms.debate_accept_charter(actor=user, debate=debate)
    return rooms.message_post(actor=user, debate=debate, client_id=uuid.uuid4(), body=body, reply_to_id=to.pk, **kwargs)


# --- Reformulation mode --------------------------------------------------------------------


def test_reformulation_is_off_by_default_and_replies_pass(debate, resident, other_resident, post):
    first = post(resident, debate)

    assert reply(other_resident, debate, first).status == Message.State.PUBLISHED


def test_reformulation_set_in_the_room_refuses_a_reply_without_one(debate, facilitator, resident, other_resident, post):
    first = post(resident, debate)
    rooms.room_set_reformulation(actor=facilitator, debate=debate, required=True)

    with pytest.raises(PostRefused) as refused:
        reply(other_resident, debate, first)
    assert refused.value.code == "REFORMULATION_REQUIRED"
    with pytest.raises(PostRefused):  # a copy is not a reformulation
        reply(other_resident, debate, first, reformulation=first.body)
    done = reply(other_resident, debate, first, reformulation="Tu proposes d'ouvrir le marché plus tôt le samedi")
    assert done.status == Message.State.PUBLISHED
    assert RoomEvent.objects.filter(debate=debate, type="reformulation.changed").last().payload["required"] is True


def test_reformulation_from_the_profile_applies_unless_the_room_says_otherwise(
    debate, facilitator, resident, other_resident, post
):
    profile = FacilitationProfile.objects.get(slug="non-violent")
    profile.reformulation_required = True
    profile.save()
    debate.profile = profile
    debate.save()
    first = post(resident, debate)
    with pytest.raises(PostRefused):
        reply(other_resident, debate, first)

    rooms.room_set_reformulation(actor=facilitator, debate=debate, required=False)
    assert reply(other_resident, debate, first).status == Message.State.PUBLISHED
    rooms.room_set_reformulation(actor=facilitator, debate=debate, required=None)
    with pytest.raises(PostRefused):
        reply(other_resident, debate, first, body="Une autre réponse, sans reformulation cette fois.")


def test_reformulation_mode_is_for_the_rooms_facilitators_only(debate, resident):
    with pytest.raises(PermissionDenied):
        rooms.room_set_reformulation(actor=resident, debate=debate, required=True)
    debate.refresh_from_db()
    assert debate.reformulation_required is None


def test_reformulation_control_in_the_room_page_switches_the_mode(debate, facilitator, resident, client_for):
    url = f"/moderation/reformulation/{debate.pk}/"
    page = client_for(facilitator).get(f"/debats/{debate.slug}/")
    assert url in page.content.decode()

    response = client_for(facilitator).post(url, {"required": "on"})
    assert response.status_code == 302
    debate.refresh_from_db()
    assert debate.reformulation_required is True

    client_for(facilitator).post(url, {"required": "sometimes"})  # a bad value changes nothing
    debate.refresh_from_db()
    assert debate.reformulation_required is True
    assert client_for(resident).post(url, {"required": "off"}).status_code == 403
    debate.refresh_from_db()
    assert debate.reformulation_required is True


def test_reformulation_set_from_the_profile_page(superuser, client_for):
    profile = FacilitationProfile.objects.get(slug="non-violent")
    client = client_for(superuser)
    form = client.get(f"/moderation/profils/{profile.slug}/").context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {key: value for key, value in data.items() if value is not None and value is not False}
    data = {key: "\n".join(value) if isinstance(value, list) else value for key, value in data.items()}
    data["reformulation_required"] = "on"

    response = client.post(f"/moderation/profils/{profile.slug}/", data)

    assert response.status_code == 302, response.context["form"].errors
    profile.refresh_from_db()
    assert profile.reformulation_required is True
    assert profile.revisions.first().after["reformulation_required"] is True


# --- Reports after a decision --------------------------------------------------------------


def test_reports_already_judged_do_not_hide_a_restored_message_again(make_user, debate, resident, facilitator, post):
    message = post(resident, debate)
    for _ in range(3):
        services.report_submit(actor=make_user(), message_id=message.pk, reason="spam")
    message.refresh_from_db()
    assert message.state == Message.State.HIDDEN
    services.message_restore(actor=facilitator, message_id=message.pk)

    services.report_submit(actor=make_user(), message_id=message.pk, reason="spam")
    message.refresh_from_db()
    assert message.state == Message.State.PUBLISHED

    for _ in range(2):
        services.report_submit(actor=make_user(), message_id=message.pk, reason="insult")
    message.refresh_from_db()
    assert message.state == Message.State.HIDDEN


def test_reports_dismissed_by_a_facilitator_no_longer_count(make_user, debate, resident, facilitator, post):
    message = post(resident, debate)
    for _ in range(2):
        services.report_submit(actor=make_user(), message_id=message.pk, reason="spam")
    services.reports_dismiss(actor=facilitator, message_id=message.pk)

    services.report_submit(actor=make_user(), message_id=message.pk, reason="spam")

    message.refresh_from_db()
    assert message.state == Message.State.PUBLISHED
