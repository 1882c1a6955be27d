"""The services of the rooms: the posting gates, idempotency, the event log, facilitation."""

import uuid

import pytest
from django.utils import timezone

from core.errors import AuthRequired, InvalidInput, InvalidState, NotFound, PermissionDenied
from debates import services
from debates.models import Debate, Message, Participation, Report, RoomEvent
from debates.services import PostRefused
from facilitation.models import FacilitationProfile


def post(user, debate, body="Bonjour à toutes et à tous", **kwargs):
    return services.message_post(
        actor=user, debate=debate, client_id=kwargs.pop("client_id", uuid.uuid4()), body=body, **kwargs
    )


def refused_code(user, debate, body="Bonjour", **kwargs) -> str:
    with pytest.raises(PostRefused) as error:
        post(user, debate, body, **kwargs)
    return error.value.code


def test_message_post_by_a_participant_publishes_with_the_next_seq(debate, resident, joined):
    joined(resident)
    result = post(resident, debate, "Bonjour <b>voisins</b>")
    message = result.message
    assert result.status == Message.State.PUBLISHED
    assert message.seq == 1
    assert message.body_html == "Bonjour &lt;b&gt;voisins&lt;/b&gt;"
    event = RoomEvent.objects.get(debate=debate)
    assert (event.seq, event.type, event.payload["message"]["id"]) == (1, "message.new", message.pk)


def test_message_post_anonymous_needs_an_account(debate):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(AuthRequired):
        post(AnonymousUser(), debate)


def test_message_post_unverified_is_refused_with_email_not_verified(debate, unverified, joined):
    joined(unverified)
    assert refused_code(unverified, debate) == "EMAIL_NOT_VERIFIED"
    assert not Message.objects.exists()


def test_message_post_without_charter_is_refused(debate, resident):
    assert refused_code(resident, debate) == "CHARTER_REQUIRED"


@pytest.mark.parametrize("status", [Debate.Status.SCHEDULED, Debate.Status.CLOSED, Debate.Status.ARCHIVED])
def test_message_post_in_a_room_not_open_is_refused(make_debate, resident, joined, status):
    debate = make_debate(status=status)
    joined(resident, on=debate)
    assert refused_code(resident, debate) == "ROOM_CLOSED"


def test_message_post_in_a_paused_room_refuses_residents_not_facilitators(make_debate, resident, facilitator, joined):
    debate = make_debate(mode=Debate.Mode.PAUSED, facilitators=[facilitator])
    joined(resident, on=debate)
    assert refused_code(resident, debate) == "ROOM_CLOSED"
    assert post(facilitator, debate).status == Message.State.PUBLISHED


def test_message_post_muted_is_refused_with_retry_after(debate, resident, facilitator, joined):
    joined(resident)
    services.participant_mute(
        actor=facilitator, debate=debate, user_id=resident.pk, minutes=5, reason="Propos blessants"
    )
    with pytest.raises(PostRefused) as error:
        post(resident, debate)
    assert error.value.code == "MUTED"
    assert 290 <= error.value.extra["retry_after"] <= 300


def test_message_post_slow_mode_refuses_a_second_message_with_retry_after(make_debate, resident, joined):
    debate = make_debate(mode=Debate.Mode.SLOW, slow_seconds=60)
    joined(resident, on=debate)
    post(resident, debate)
    with pytest.raises(PostRefused) as error:
        post(resident, debate, "Encore moi")
    assert error.value.code == "SLOW_MODE"
    assert 55 <= error.value.extra["retry_after"] <= 60


def test_message_post_turns_mode_only_the_speaker_posts(make_debate, resident, other_resident, facilitator, joined):
    debate = make_debate(mode=Debate.Mode.TURNS, facilitators=[facilitator])
    joined(resident, on=debate)
    joined(other_resident, on=debate)
    assert refused_code(resident, debate) == "NOT_YOUR_TURN"
    services.floor_give(actor=facilitator, debate=debate, user_id=resident.pk, seconds=60)
    assert post(resident, debate).status == Message.State.PUBLISHED
    assert refused_code(other_resident, debate) == "NOT_YOUR_TURN"
    assert post(facilitator, debate).status == Message.State.PUBLISHED


def test_message_post_turns_mode_after_the_time_box_is_refused(make_debate, resident, facilitator, joined):
    debate = make_debate(mode=Debate.Mode.TURNS, facilitators=[facilitator])
    joined(resident, on=debate)
    services.floor_give(actor=facilitator, debate=debate, user_id=resident.pk, seconds=60)
    Debate.objects.filter(pk=debate.pk).update(floor_until=timezone.now() - timezone.timedelta(seconds=1))
    assert refused_code(resident, debate) == "NOT_YOUR_TURN"


def test_message_post_empty_and_too_long_are_refused(debate, resident, joined):
    joined(resident)
    assert refused_code(resident, debate, "   \n ") == "EMPTY"
    limit = FacilitationProfile.default().max_length
    assert refused_code(resident, debate, "a" * (limit + 1)) == "TOO_LONG"
    assert post(resident, debate, "a" * limit).status == Message.State.PUBLISHED


def test_message_post_uses_the_debate_profile_max_length(make_debate, resident, joined):
    profile = FacilitationProfile.objects.create(name="Court", slug="court", max_length=10)
    debate = make_debate(profile=profile)
    joined(resident, on=debate)
    assert refused_code(resident, debate, "a" * 11) == "TOO_LONG"


def test_message_post_same_client_id_twice_stores_one_message(debate, resident, joined):
    joined(resident)
    client_id = uuid.uuid4()
    first = post(resident, debate, client_id=client_id)
    again = post(resident, debate, "Autre texte", client_id=client_id)
    assert again.message.pk == first.message.pk
    assert Message.objects.count() == 1
    assert RoomEvent.objects.count() == 1


def test_message_post_reply_to_a_message_of_another_debate_is_not_found(debate, make_debate, resident, joined):
    other = make_debate()
    joined(resident)
    joined(resident, on=other)
    elsewhere = post(resident, other).message
    with pytest.raises(NotFound):
        post(resident, debate, reply_to_id=elsewhere.pk)
    assert Message.objects.filter(debate=debate).count() == 0


def test_message_post_hold_verdict_stores_a_held_message_without_seq(debate, resident, joined, monkeypatch):
    from debates import posting
    from facilitation.pipeline import Decision, Verdict

    joined(resident)
    monkeypatch.setattr(
        posting, "profile_steps", lambda profile: [(lambda c, p: Verdict(Decision.HOLD, rule="links"), {})]
    )
    result = post(resident, debate)
    assert result.status == Message.State.HELD
    assert result.message.seq is None
    assert not RoomEvent.objects.exists()


def test_message_post_nudge_stores_nothing_unless_confirmed(debate, resident, joined, monkeypatch):
    from debates import posting
    from facilitation.pipeline import Decision, Verdict

    joined(resident)
    monkeypatch.setattr(
        posting, "profile_steps", lambda profile: [(lambda c, p: Verdict(Decision.NUDGE, rule="shouting"), {})]
    )
    client_id = uuid.uuid4()
    assert post(resident, debate, "BONJOUR", client_id=client_id).status == "nudged"
    assert not Message.objects.exists()
    assert post(resident, debate, "BONJOUR", client_id=client_id, confirm=True).status == Message.State.PUBLISHED


def test_message_hide_records_a_tombstone_event(debate, resident, facilitator, joined):
    joined(resident)
    message = post(resident, debate).message
    services.message_hide(actor=facilitator, debate=debate, message_id=message.pk, reason="Attaque personnelle")
    message.refresh_from_db()
    assert (message.state, message.hidden_by, message.reason) == ("hidden", "facilitator", "Attaque personnelle")
    event = RoomEvent.objects.get(debate=debate, seq=2)
    assert event.payload == {
        "type": "message.hidden",
        "seq": 2,
        "message_id": message.pk,
        "reason": "Attaque personnelle",
        "by": "facilitator",
    }


@pytest.mark.parametrize(
    "who",
    ["resident", "facilitator_of_another_debate", "city_agent"],
)
def test_facilitation_services_refuse_non_facilitators(request, debate, resident, joined, make_user, who):
    from accounts.roles import Role

    joined(resident)
    message = post(resident, debate).message
    actor = {
        "resident": resident,
        "facilitator_of_another_debate": make_user(roles=[Role.FACILITATOR]),
        "city_agent": request.getfixturevalue("city_agent"),
    }[who]
    calls = [
        lambda: services.message_hide(actor=actor, debate=debate, message_id=message.pk, reason="x"),
        lambda: services.message_approve(actor=actor, debate=debate, message_id=message.pk),
        lambda: services.message_reject(actor=actor, debate=debate, message_id=message.pk, reason="x"),
        lambda: services.participant_mute(actor=actor, debate=debate, user_id=resident.pk, minutes=5, reason="x"),
        lambda: services.floor_give(actor=actor, debate=debate, user_id=resident.pk),
        lambda: services.room_set_mode(actor=actor, debate=debate, mode="paused"),
        lambda: services.debate_close(actor=actor, debate=debate, synthesis="Fin"),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    debate.refresh_from_db()
    assert (debate.status, debate.mode, debate.last_seq) == ("open", "open", 1)


def test_message_approve_publishes_a_held_message_and_reject_refuses_a_published_one(
    debate, resident, facilitator, joined
):
    joined(resident)
    held = Message.objects.create(debate=debate, author=resident, body="x", body_html="x", state=Message.State.HELD)
    services.message_approve(actor=facilitator, debate=debate, message_id=held.pk)
    held.refresh_from_db()
    assert (held.state, held.seq) == ("published", 1)
    with pytest.raises(InvalidState):
        services.message_reject(actor=facilitator, debate=debate, message_id=held.pk, reason="Non")


def test_message_hide_without_a_reason_is_refused(debate, resident, facilitator, joined):
    joined(resident)
    message = post(resident, debate).message
    with pytest.raises(InvalidInput):
        services.message_hide(actor=facilitator, debate=debate, message_id=message.pk, reason="  ")
    message.refresh_from_db()
    assert message.state == "published"


def test_speaking_queue_puts_those_who_have_not_spoken_first(debate, facilitator, make_user, joined):
    from debates import selectors

    first, second, third = (joined(make_user()) for _ in range(3))
    services.hand_raise(actor=first, debate=debate)
    services.floor_give(actor=facilitator, debate=debate, user_id=first.pk, seconds=30)
    services.floor_end(actor=first, debate=debate)
    services.hand_raise(actor=first, debate=debate)
    services.hand_raise(actor=second, debate=debate)
    services.hand_raise(actor=third, debate=debate)
    assert [p.user_id for p in selectors.speaking_queue(debate=debate)] == [second.pk, third.pk, first.pk]
    assert Participation.objects.get(debate=debate, user=first).spoken_count == 1


def test_floor_end_by_someone_else_is_refused(debate, facilitator, resident, other_resident, joined):
    joined(resident)
    services.floor_give(actor=facilitator, debate=debate, user_id=resident.pk, seconds=30)
    with pytest.raises(PermissionDenied):
        services.floor_end(actor=other_resident, debate=debate)
    debate.refresh_from_db()
    assert debate.floor_user_id == resident.pk


def test_room_set_mode_closed_closes_the_debate_and_refuses_posts(debate, facilitator, resident, joined):
    joined(resident)
    services.room_set_mode(actor=facilitator, debate=debate, mode="closed")
    debate.refresh_from_db()
    assert debate.status == "closed"
    assert refused_code(resident, debate) == "ROOM_CLOSED"
    with pytest.raises(InvalidInput):
        services.room_set_mode(actor=facilitator, debate=debate, mode="bavardage")


def test_report_create_once_per_reporter_and_never_on_own_message(debate, resident, other_resident, joined):
    joined(resident)
    message = post(resident, debate).message
    services.report_create(actor=other_resident, debate=debate, message_id=message.pk, reason="insult")
    with pytest.raises(InvalidState):
        services.report_create(actor=other_resident, debate=debate, message_id=message.pk, reason="spam")
    with pytest.raises(InvalidInput):
        services.report_create(actor=resident, debate=debate, message_id=message.pk, reason="spam")
    with pytest.raises(InvalidInput):
        services.report_create(actor=other_resident, debate=debate, message_id=message.pk, reason="boring")
    assert Report.objects.count() == 1


def test_event_log_seq_is_gapless_after_a_refused_action(debate, resident, facilitator, joined):
    joined(resident)
    post(resident, debate)
    with pytest.raises(PostRefused):
        post(resident, debate, "")
    services.room_set_mode(actor=facilitator, debate=debate, mode="slow", slow_seconds=30)
    post(facilitator, debate)
    assert list(RoomEvent.objects.filter(debate=debate).values_list("seq", flat=True)) == [1, 2, 3]
    debate.refresh_from_db()
    assert debate.last_seq == 3
