"""The room's side of moderation: the ladder's review rung holds messages, and the room without
JavaScript offers the participants' own tools."""

import pytest
import time_machine
from django.utils import timezone

from moderation import services
from moderation.selectors import personal_mutes

pytestmark = pytest.mark.django_db


def test_messages_of_a_participant_under_review_are_held_until_the_period_ends(debate, facilitator, resident, post):
    assert post(resident, debate).state == "published"
    services.participant_review(
        actor=facilitator, debate_id=debate.pk, user_id=resident.pk, minutes=30, reason_code="charter"
    )
    held = post(resident, debate, "Je voudrais revenir sur la question du stationnement.")
    assert held.state == "held"
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=31)):
        assert post(resident, debate, "Et aussi sur les horaires du marché du samedi.").state == "published"


def test_a_review_of_one_participant_leaves_the_others_free(debate, facilitator, resident, other_resident, post):
    post(resident, debate)
    services.participant_review(
        actor=facilitator, debate_id=debate.pk, user_id=resident.pk, minutes=30, reason_code="charter"
    )
    assert post(other_resident, debate).state == "published"


def test_the_room_without_javascript_offers_report_and_stop_reading_for_others_messages(
    debate, resident, other_resident, post, client_for
):
    message = post(other_resident, debate)
    page = client_for(resident).get(debate.get_absolute_url()).content.decode()
    assert f'href="/moderation/signaler/{message.pk}/"' in page
    assert f'name="user_id" value="{other_resident.pk}"' in page and "Ne plus lire" in page
    own = client_for(other_resident).get(debate.get_absolute_url()).content.decode()
    assert f'href="/moderation/signaler/{message.pk}/"' not in own


def test_stop_reading_from_the_plain_form_mutes_the_author_for_me(debate, resident, other_resident, post, client_for):
    message = post(other_resident, debate)
    client = client_for(resident)
    back = f"{debate.get_absolute_url()}#message-{message.pk}"
    response = client.post("/moderation/silences/", {"user_id": other_resident.pk, "mute": "on", "next": back})
    assert response.status_code == 302 and response["Location"] == back
    assert [m.muted_id for m in personal_mutes(user=resident)] == [other_resident.pk]
