"""The WebSocket protocol through the real ASGI application: every frame, every role, bad input."""

import uuid

import pytest
from channels.db import database_sync_to_async

from debates import services
from debates.models import Message, Participation, Report, RoomEvent

pytestmark = pytest.mark.django_db(transaction=True)


def post_frame(body="Bonjour à toutes et à tous", **fields):
    return {"type": "message.post", "client_id": fields.pop("client_id", str(uuid.uuid4())), "body": body, **fields}


@database_sync_to_async
def count(model, **filters):
    return model.objects.filter(**filters).count()


@database_sync_to_async
def accept_charter(user, debate):
    services.debate_accept_charter(actor=user, debate=debate)


async def test_connect_anonymous_gets_the_room_state(connect, debate):
    socket = await connect(debate, None, resume=None)
    state = socket.state
    assert state["room"]["slug"] == debate.slug
    assert state["room"]["mode"] == "open" and state["room"]["status"] == "open"
    assert state["you"]["role"] == "anonymous" and state["you"]["can_post"] is False
    assert state["last_seq"] == 0 and state["queue"] == [] and state["floor"] is None
    assert "held" not in state


async def test_connect_to_an_unknown_debate_is_refused_with_4404(connect, db):
    from debates.models import Debate

    code = await connect(Debate(slug="nulle-part"), None)
    assert code == 4404


async def test_connect_from_another_origin_is_refused(connect, debate):
    refused = await connect(debate, None, origin=b"https://evil.example")
    assert refused == 1000  # the handshake is denied before the consumer runs
    accepted = await connect(debate, None, origin=b"http://localhost:8014", host=b"localhost:8014")
    assert accepted.state["type"] == "room.state"


async def test_post_anonymous_gets_auth_required(connect, debate):
    socket = await connect(debate, None)
    await socket.send(post_frame())
    error = await socket.receive_type("error")
    assert error["code"] == "AUTH_REQUIRED"
    assert await count(Message) == 0


async def test_post_unverified_gets_email_not_verified(connect, debate, unverified):
    await accept_charter(unverified, debate)
    socket = await connect(debate, unverified)
    assert socket.state["you"]["verified"] is False
    frame = post_frame()
    await socket.send(frame)
    error = await socket.receive_type("error")
    assert (error["code"], error["client_id"]) == ("EMAIL_NOT_VERIFIED", frame["client_id"])
    assert error["detail"] == "Confirmez votre adresse e-mail avant de participer."
    assert await count(Message) == 0


async def test_resident_accepts_the_charter_then_posts_and_everyone_receives_it(connect, debate, resident):
    listener = await connect(debate, None)
    socket = await connect(debate, resident)
    await socket.send(post_frame())
    assert (await socket.receive_type("error"))["code"] == "CHARTER_REQUIRED"
    await socket.send({"type": "charter.accept"})
    state = await socket.receive_type("room.state")
    assert state["you"]["charter_accepted"] is True and state["you"]["can_post"] is True
    frame = post_frame("Le parc ferme trop tôt le soir")
    await socket.send(frame)
    ack = await socket.receive_type("message.ack")
    assert ack["client_id"] == frame["client_id"] and ack["status"] == "published"
    new = await listener.receive_type("message.new")
    assert new["seq"] == 1
    assert new["message"]["id"] == ack["message_id"]
    assert new["message"]["author"] == {"id": resident.pk, "display_name": "Dominique", "role": "participant"}
    assert new["message"]["body_html"] == "Le parc ferme trop tôt le soir"
    # The author's own socket gets the same event, before or after its ack (the event goes
    # through the channel layer, the ack does not).
    own = [f for f in socket.skipped if f["type"] == "message.new"] or [await socket.receive_type("message.new")]
    assert [f["seq"] for f in own] == [1]


async def test_same_client_id_twice_gets_the_same_ack_and_stores_once(connect, debate, resident):
    await accept_charter(resident, debate)
    socket = await connect(debate, resident)
    frame = post_frame()
    await socket.send(frame)
    first = await socket.receive_type("message.ack")
    await socket.send({**frame, "body": "Un autre texte"})
    second = await socket.receive_type("message.ack")
    assert first == second
    assert await count(Message) == 1
    assert await count(RoomEvent) == 1


async def test_muted_resident_is_told_and_refused_with_retry_after(connect, debate, resident, facilitator):
    await accept_charter(resident, debate)
    socket = await connect(debate, resident)
    boss = await connect(debate, facilitator)
    await boss.send({"type": "participant.mute", "user_id": resident.pk, "minutes": 10, "reason": "Propos blessants"})
    muted = await socket.receive_type("participant.muted")
    assert muted["reason"] == "Propos blessants" and muted["until"]
    assert await boss.nothing()  # a mute is not announced to the room
    await socket.send(post_frame())
    error = await socket.receive_type("error")
    assert error["code"] == "MUTED" and 590 <= error["retry_after"] <= 600
    assert await count(Message) == 0


async def test_facilitator_state_lists_held_messages(connect, debate, facilitator, resident):
    await database_sync_to_async(Message.objects.create)(
        debate=debate, author=resident, body="x", body_html="x", state=Message.State.HELD, rule="links"
    )
    socket = await connect(debate, facilitator)
    assert socket.state["you"]["role"] == "facilitator"
    assert [m["body_html"] for m in socket.state["held"]] == ["x"]


async def test_held_message_goes_to_facilitators_only_and_approve_publishes_it(
    connect, debate, facilitator, resident, monkeypatch
):
    from debates import posting
    from moderation.pipeline import Decision, Verdict

    monkeypatch.setattr(
        posting, "profile_steps", lambda p: [(lambda c, params: Verdict(Decision.HOLD, rule="links"), {})]
    )
    await accept_charter(resident, debate)
    author = await connect(debate, resident)
    boss = await connect(debate, facilitator)
    frame = post_frame()
    await author.send(frame)
    assert (await author.receive_type("message.ack"))["status"] == "held"
    held = await boss.receive_type("message.held")
    assert held["rule"] == "links"
    assert await author.nothing()
    await boss.send({"type": "message.approve", "message_id": held["message"]["id"]})
    new = await author.receive_type("message.new")
    assert new["message"]["id"] == held["message"]["id"] and new["seq"] == 1
    reviewed = await boss.receive_type("message.reviewed")
    assert reviewed["state"] == "published"


async def test_reject_tells_the_author(connect, debate, facilitator, resident):
    await accept_charter(resident, debate)
    message = await database_sync_to_async(Message.objects.create)(
        debate=debate, author=resident, body="x", body_html="x", state=Message.State.HELD
    )
    author = await connect(debate, resident)
    boss = await connect(debate, facilitator)
    await boss.send({"type": "message.reject", "message_id": message.pk, "reason": "Hors sujet"})
    rejected = await author.receive_type("message.rejected")
    assert rejected == {
        "type": "message.rejected",
        "message_id": message.pk,
        "client_id": str(message.client_id),
        "reason": "Hors sujet",
    }


async def test_nudge_returns_the_body_and_stores_nothing(connect, debate, resident, monkeypatch):
    from debates import posting
    from moderation.pipeline import Decision, Verdict

    nudge = Verdict(Decision.NUDGE, rule="shouting", explanation="Moins fort", suggestion="Je ressens…")
    monkeypatch.setattr(posting, "profile_steps", lambda p: [(lambda c, params: nudge, {})])
    await accept_charter(resident, debate)
    socket = await connect(debate, resident)
    frame = post_frame("ARRÊTEZ")
    await socket.send(frame)
    got = await socket.receive_type("message.nudge")
    assert got == {
        "type": "message.nudge",
        "client_id": frame["client_id"],
        "rule": "shouting",
        "explanation": "Moins fort",
        "suggestion": "Je ressens…",
        "body": "ARRÊTEZ",
    }
    assert await count(Message) == 0
    await socket.send({**frame, "confirm": True})
    assert (await socket.receive_type("message.ack"))["status"] == "published"


async def test_hide_sends_a_public_tombstone(connect, debate, facilitator, resident):
    await accept_charter(resident, debate)
    author = await connect(debate, resident)
    boss = await connect(debate, facilitator)
    await author.send(post_frame())
    ack = await author.receive_type("message.ack")
    await boss.send({"type": "message.hide", "message_id": ack["message_id"], "reason": "Attaque personnelle"})
    hidden = await author.receive_type("message.hidden")
    assert hidden == {
        "type": "message.hidden",
        "seq": 2,
        "message_id": ack["message_id"],
        "reason": "Attaque personnelle",
        "by": "facilitator",
    }


async def test_turns_raise_hand_floor_give_and_end(connect, debate, facilitator, resident):
    await accept_charter(resident, debate)
    socket = await connect(debate, resident)
    boss = await connect(debate, facilitator)
    await boss.send({"type": "room.set_mode", "mode": "turns"})
    assert (await socket.receive_type("mode.changed"))["mode"] == "turns"
    await socket.send(post_frame())
    assert (await socket.receive_type("error"))["code"] == "NOT_YOUR_TURN"
    await socket.send({"type": "hand.raise"})
    queue = await boss.receive_type("queue.updated")
    assert [q["user_id"] for q in queue["queue"]] == [resident.pk]
    await boss.send({"type": "floor.give", "user_id": resident.pk, "seconds": 60})
    floor = await socket.receive_type("floor.changed")
    assert floor["floor"]["user_id"] == resident.pk and floor["floor"]["until"]
    assert (await socket.receive_type("queue.updated"))["queue"] == []
    await socket.send(post_frame())
    assert (await socket.receive_type("message.ack"))["status"] == "published"
    await socket.send({"type": "floor.end"})
    assert (await socket.receive_type("floor.changed"))["floor"] is None


async def test_hand_lower_leaves_the_queue(connect, debate, resident):
    await accept_charter(resident, debate)
    socket = await connect(debate, resident)
    await socket.send({"type": "hand.raise"})
    await socket.receive_type("queue.updated")
    await socket.send({"type": "hand.lower"})
    assert (await socket.receive_type("queue.updated"))["queue"] == []


async def test_report_create_is_acknowledged_once(connect, debate, resident, other_resident):
    await accept_charter(resident, debate)
    author = await connect(debate, resident)
    await author.send(post_frame())
    ack = await author.receive_type("message.ack")
    reporter = await connect(debate, other_resident)
    frame = {"type": "report.create", "message_id": ack["message_id"], "reason": "insult", "detail": "Mot blessant"}
    await reporter.send(frame)
    assert await reporter.receive_type("report.ack") == {"type": "report.ack", "message_id": ack["message_id"]}
    await reporter.send(frame)
    assert (await reporter.receive_type("error"))["code"] == "ALREADY_REPORTED"
    assert await count(Report) == 1


@pytest.mark.parametrize(
    "frame",
    [
        {"type": "message.hide", "message_id": 1, "reason": "x"},
        {"type": "message.approve", "message_id": 1},
        {"type": "message.reject", "message_id": 1, "reason": "x"},
        {"type": "participant.mute", "user_id": 1, "minutes": 5, "reason": "x"},
        {"type": "floor.give", "user_id": 1},
        {"type": "room.set_mode", "mode": "paused"},
    ],
)
async def test_facilitator_frames_from_a_resident_are_forbidden(connect, debate, resident, frame):
    socket = await connect(debate, resident)
    await socket.send(frame)
    assert (await socket.receive_type("error"))["code"] == "FORBIDDEN"
    assert await count(RoomEvent) == 0
    assert await count(Participation, muted_until__isnull=False) == 0


async def test_floor_end_without_floor_is_an_error(connect, debate, facilitator):
    socket = await connect(debate, facilitator)
    await socket.send({"type": "floor.end"})
    assert (await socket.receive_type("error"))["code"] == "NO_FLOOR"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("{not json", "INVALID_FRAME"),
        ("[1, 2]", "INVALID_FRAME"),
        ('"message.post"', "INVALID_FRAME"),
        ('{"body": "sans type"}', "INVALID_FRAME"),
        ('{"type": "message.burn"}', "UNKNOWN_TYPE"),
        ('{"type": "message.post", "body": "sans client_id"}', "INVALID_FRAME"),
        ('{"type": "message.post", "client_id": "pas-un-uuid", "body": "x"}', "INVALID_FRAME"),
        ('{"type": "message.post", "client_id": "UUID", "body": 42}', "INVALID_FRAME"),
        (
            '{"type": "message.post", "client_id": "UUID", "body": "x", "confirm": "yes"}',
            "INVALID_FRAME",
        ),
        (
            '{"type": "message.post", "client_id": "UUID", "body": "x", "reply_to": "12"}',
            "INVALID_FRAME",
        ),
        ('{"type": "resume", "since": "0"}', "INVALID_FRAME"),
        ('{"type": "resume", "since": true}', "INVALID_FRAME"),
        ('{"type": "resume", "since": -1}', "INVALID_FRAME"),
        ('{"type": "report.create", "message_id": 1}', "INVALID_FRAME"),
        ('{"type": "participant.mute", "user_id": 1, "minutes": "10", "reason": "x"}', "INVALID_FRAME"),
    ],
)
async def test_bad_frames_get_their_error_and_store_nothing(connect, debate, resident, raw, code):
    await accept_charter(resident, debate)
    socket = await connect(debate, resident)
    await socket.send(raw.replace("UUID", str(uuid.uuid4())))
    error = await socket.receive_type("error")
    assert error["code"] == code and error["detail"]
    assert await count(Message) == 0 and await count(RoomEvent) == 0


async def test_body_over_the_limit_is_too_long(connect, debate, resident):
    await accept_charter(resident, debate)
    socket = await connect(debate, resident)
    await socket.send(post_frame("a" * 2001))
    assert (await socket.receive_type("error"))["code"] == "TOO_LONG"
    assert await count(Message) == 0


async def test_frame_over_the_size_limit_is_refused(connect, debate, resident):
    await accept_charter(resident, debate)
    socket = await connect(debate, resident)
    await socket.send(post_frame("é" * 9000))
    assert (await socket.receive_type("error"))["code"] == "FRAME_TOO_LARGE"
    assert await count(Message) == 0


async def test_ids_of_another_debate_are_not_found(connect, debate, make_debate, facilitator, resident):
    other = await database_sync_to_async(make_debate)()
    await accept_charter(resident, other)
    await accept_charter(resident, debate)
    elsewhere = await database_sync_to_async(
        lambda: services.message_post(actor=resident, debate=other, client_id=uuid.uuid4(), body="Ailleurs").message
    )()
    boss = await connect(debate, facilitator)
    await boss.send({"type": "message.hide", "message_id": elsewhere.pk, "reason": "x"})
    assert (await boss.receive_type("error"))["code"] == "NOT_FOUND"
    socket = await connect(debate, resident)
    await socket.send(post_frame(reply_to=elsewhere.pk))
    assert (await socket.receive_type("error"))["code"] == "NOT_FOUND"
    await socket.send({"type": "report.create", "message_id": elsewhere.pk, "reason": "spam"})
    assert (await socket.receive_type("error"))["code"] == "NOT_FOUND"
    assert await count(Message, debate=debate) == 0 and await count(Report) == 0
    assert await count(Message, pk=elsewhere.pk, state="published") == 1


async def test_too_many_frames_are_rate_limited(connect, debate, resident, settings):
    settings.DEBATES_RATE_FRAMES = 3
    socket = await connect(debate, resident, resume=None)
    for _ in range(3):
        await socket.send({"type": "hand.lower"})
    await socket.send({"type": "hand.lower"})
    assert (await socket.receive_type("error"))["code"] == "RATE_LIMITED"


async def test_errors_are_in_english_for_an_english_speaker(connect, debate, make_user):
    user = await database_sync_to_async(make_user)(verified=False)
    user.preferred_language = "en"
    await database_sync_to_async(user.save)()
    socket = await connect(debate, user)
    await socket.send("{nope")
    assert (await socket.receive_type("error"))["detail"] == "This frame is not valid JSON."
