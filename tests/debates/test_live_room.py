"""The live room's session features through the real ASGI application: the floor ending by
itself, every hand frame answered, presence in the state, one's own held messages, reports in
the console, people present in the hall sharing the queue (permissions and bad input)."""

import uuid

import pytest
from channels.db import database_sync_to_async
from django.utils import timezone

from debates import floor_clock, services
from debates.models import Debate, HallSpeaker, Message, RoomEvent

pytestmark = pytest.mark.django_db(transaction=True)


@database_sync_to_async
def accept_charter(user, debate):
    services.debate_accept_charter(actor=user, debate=debate)


@database_sync_to_async
def reload(debate):
    return Debate.objects.get(pk=debate.pk)


@database_sync_to_async
def events_of(debate, type_):
    return list(RoomEvent.objects.filter(debate=debate, type=type_).order_by("seq").values_list("payload", flat=True))


@database_sync_to_async
def give_expired_turn(debate, facilitator, speaker):
    """A turn whose time box ran out while no process was timing it."""
    services.floor_give(actor=facilitator, debate=debate, user_id=speaker.pk, seconds=30)
    Debate.objects.filter(pk=debate.pk).update(floor_until=timezone.now() - timezone.timedelta(seconds=1))


async def receive_all(socket, *types, timeout=5):
    """The first frame of each type, in whatever order they come (replies and room events
    travel different paths)."""
    found = {}
    while len(found) < len(types):
        frame = await socket.receive(timeout)
        if frame["type"] in types and frame["type"] not in found:
            found[frame["type"]] = frame
    return [found[t] for t in types]


@pytest.fixture
def short_turns(settings):
    settings.DEBATES_FLOOR_MIN_SECONDS = 1


async def test_floor_ends_by_itself_and_the_room_is_told(connect, debate, facilitator, resident, short_turns):
    await accept_charter(resident, debate)
    listener = await connect(debate, None)
    boss = await connect(debate, facilitator)
    await boss.send({"type": "floor.give", "user_id": resident.pk, "seconds": 1})
    given = await listener.receive_type("floor.changed")
    assert given["floor"]["user_id"] == resident.pk and given["floor"]["seconds"] == 1
    # Nobody sends anything: the server's clock ends the turn and broadcasts it.
    ended = await listener.receive_type("floor.changed", timeout=5)
    assert ended["floor"] is None and ended["seq"] == given["seq"] + 1
    assert (await reload(debate)).floor_user_id is None
    assert len(await events_of(debate, "floor.changed")) == 2


async def test_floor_expire_called_by_several_processes_ends_the_turn_once(debate, facilitator, resident):
    await accept_charter(resident, debate)

    @database_sync_to_async
    def give_then_expire():
        services.floor_give(actor=facilitator, debate=debate, user_id=resident.pk, seconds=30)
        Debate.objects.filter(pk=debate.pk).update(floor_until=timezone.now() - timezone.timedelta(seconds=1))
        return [services.floor_expire(debate_id=debate.pk) for _ in range(3)]

    assert await give_then_expire() == [None, None, None]
    payloads = await events_of(debate, "floor.changed")
    assert [p["floor"] is None for p in payloads] == [False, True]


async def test_floor_expire_leaves_a_running_turn_and_says_when_it_ends(debate, facilitator, resident):
    await accept_charter(resident, debate)

    @database_sync_to_async
    def give_then_expire():
        given = services.floor_give(actor=facilitator, debate=debate, user_id=resident.pk, seconds=60)
        return given.floor_until, services.floor_expire(debate_id=debate.pk)

    until, still = await give_then_expire()
    assert still == until
    assert (await reload(debate)).floor_user_id == resident.pk


async def test_a_socket_connecting_after_the_end_of_a_turn_ends_it(connect, debate, facilitator, resident):
    await accept_charter(resident, debate)

    await give_expired_turn(debate, facilitator, resident)
    socket = await connect(debate, None, resume=None)
    assert socket.state["floor"]["user_id"] == resident.pk
    await socket.send({"type": "resume", "since": socket.state["last_seq"]})
    ended = await socket.receive_type("floor.changed", timeout=5)
    assert ended["floor"] is None


async def test_hand_raise_after_a_turn_ran_out_is_answered_and_queues(connect, debate, facilitator, resident):
    await accept_charter(resident, debate)

    await give_expired_turn(debate, facilitator, resident)
    socket = await connect(debate, resident)
    await socket.send({"type": "hand.raise"})
    answer, queue = await receive_all(socket, "hand.state", "queue.updated")
    assert answer["raised"] is True
    assert [e["user_id"] for e in queue["queue"]] == [resident.pk]


async def test_hand_raise_by_the_speaker_gets_has_floor(connect, debate, facilitator, resident):
    await accept_charter(resident, debate)
    await database_sync_to_async(services.floor_give)(actor=facilitator, debate=debate, user_id=resident.pk)
    socket = await connect(debate, resident)
    await socket.send({"type": "hand.raise"})
    assert (await socket.receive_type("error"))["code"] == "HAS_FLOOR"


async def test_hand_lower_is_answered_even_when_the_hand_was_down(connect, debate, resident):
    await accept_charter(resident, debate)
    socket = await connect(debate, resident)
    await socket.send({"type": "hand.lower"})
    assert (await socket.receive_type("hand.state"))["raised"] is False


async def test_pause_ends_the_floor(connect, debate, facilitator, resident):
    await accept_charter(resident, debate)
    await database_sync_to_async(services.floor_give)(actor=facilitator, debate=debate, user_id=resident.pk)
    listener = await connect(debate, None)
    boss = await connect(debate, facilitator)
    await boss.send({"type": "room.set_mode", "mode": "paused"})
    assert (await listener.receive_type("mode.changed"))["mode"] == "paused"
    assert (await listener.receive_type("floor.changed"))["floor"] is None


async def test_room_state_carries_the_presence_count(connect, debate, resident):
    # The count is there from the first frame (later changes come as presence frames); each
    # socket counts itself.
    first = await connect(debate, None)
    second = await connect(debate, resident)
    assert first.state["presence"] >= 1 and second.state["presence"] >= 1


async def test_author_sees_own_held_messages_in_the_state_and_the_ack(connect, debate, resident, other_resident):
    @database_sync_to_async
    def held():
        return Message.objects.create(
            debate=debate, author=resident, body="x", body_html="<p>x</p>", state=Message.State.HELD, rule="links"
        )

    message = await held()
    mine = await connect(debate, resident)
    assert [m["id"] for m in mine.state["you"]["pending"]] == [message.pk]
    other = await connect(debate, other_resident)
    assert other.state["you"]["pending"] == []
    anonymous = await connect(debate, None)
    assert "pending" not in anonymous.state["you"]


async def test_held_ack_carries_the_message_for_its_author(connect, debate, resident, monkeypatch):
    from debates import posting
    from moderation.pipeline import Decision, Verdict

    monkeypatch.setattr(
        posting, "profile_steps", lambda p: [(lambda c, params: Verdict(Decision.HOLD, rule="links"), {})]
    )
    await accept_charter(resident, debate)
    socket = await connect(debate, resident)
    await socket.send({"type": "message.post", "client_id": str(uuid.uuid4()), "body": "Voir ce lien"})
    ack = await socket.receive_type("message.ack")
    assert ack["status"] == "held"
    assert ack["message"]["id"] == ack["message_id"] and ack["message"]["body_html"] == "Voir ce lien"


async def test_facilitators_state_names_the_rule_and_lists_reports(
    connect, debate, facilitator, resident, other_resident
):
    @database_sync_to_async
    def setup():
        Message.objects.create(
            debate=debate, author=resident, body="x", body_html="x", state=Message.State.HELD, rule="insults"
        )
        services.debate_accept_charter(actor=resident, debate=debate)
        posted = services.message_post(actor=resident, debate=debate, client_id=uuid.uuid4(), body="Bonjour")
        return posted.message

    message = await setup()
    boss = await connect(debate, facilitator)
    assert [m["rule"] for m in boss.state["held"]] == ["insults"]
    assert boss.state["reports"] == []
    await accept_charter(other_resident, debate)
    reporter = await connect(debate, other_resident)
    await reporter.send({"type": "report.create", "message_id": message.pk, "reason": "spam"})
    created = await boss.receive_type("report.created")
    assert created == {"type": "report.created", "message_id": message.pk, "reason": "spam", "count": 1}
    # The reporter gets its acknowledgement, never the facilitators' frame.
    await reporter.receive_type("report.ack")
    assert "report.created" not in [f["type"] for f in reporter.skipped]
    assert await reporter.nothing()
    again = await connect(debate, facilitator)
    assert [(r["message_id"], r["count"]) for r in again.state["reports"]] == [(message.pk, 1)]


# --- people present in the hall -------------------------------------------------------------------


async def test_facilitator_adds_a_person_in_the_hall_who_shares_the_queue(connect, debate, facilitator, resident):
    await accept_charter(resident, debate)
    listener = await connect(debate, None)
    online = await connect(debate, resident)
    await online.send({"type": "hand.raise"})
    await listener.receive_type("queue.updated")
    boss = await connect(debate, facilitator)
    await boss.send({"type": "hall.add", "name": "  Mme   Dupuis "})
    queue = (await listener.receive_type("queue.updated"))["queue"]
    assert [(e["display_name"], e["present"]) for e in queue] == [("Dominique", False), ("Mme Dupuis", True)]
    hall_id = queue[1]["hall_id"]
    assert queue[1]["user_id"] is None and hall_id

    await boss.send({"type": "floor.give", "hall_id": hall_id, "seconds": 60})
    floor = (await listener.receive_type("floor.changed"))["floor"]
    assert floor["hall_id"] == hall_id and floor["user_id"] is None and floor["display_name"] == "Mme Dupuis"
    assert [e["display_name"] for e in (await listener.receive_type("queue.updated"))["queue"]] == ["Dominique"]
    # One time box for everyone: giving the floor online ends the hall's turn.
    await boss.send({"type": "floor.give", "user_id": resident.pk})
    assert (await listener.receive_type("floor.changed"))["floor"] is None
    assert (await listener.receive_type("floor.changed"))["floor"]["user_id"] == resident.pk
    speaker = await database_sync_to_async(HallSpeaker.objects.get)(pk=hall_id)
    assert speaker.spoken_count == 1 and speaker.hand_raised_at is None


async def test_hall_remove_takes_the_person_out_of_the_queue(connect, debate, facilitator):
    boss = await connect(debate, facilitator)
    await boss.send({"type": "hall.add", "name": "Jean"})
    hall_id = (await boss.receive_type("queue.updated"))["queue"][0]["hall_id"]
    await boss.send({"type": "hall.remove", "hall_id": hall_id})
    assert (await boss.receive_type("queue.updated"))["queue"] == []


@pytest.mark.parametrize("frame", [{"type": "hall.add", "name": "Jean"}, {"type": "hall.remove", "hall_id": 1}])
async def test_hall_frames_are_refused_to_residents_and_anonymous(connect, debate, resident, frame):
    for user in (resident, None):
        socket = await connect(debate, user)
        await socket.send(frame)
        assert (await socket.receive_type("error"))["code"] in {"FORBIDDEN", "AUTH_REQUIRED"}
    assert await database_sync_to_async(HallSpeaker.objects.count)() == 0


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ({"type": "hall.add"}, "INVALID_FRAME"),
        ({"type": "hall.add", "name": 12}, "INVALID_FRAME"),
        ({"type": "hall.add", "name": "   "}, "EMPTY"),
        ({"type": "hall.add", "name": "x" * 81}, "TOO_LONG"),
        ({"type": "hall.remove", "hall_id": "1"}, "INVALID_FRAME"),
        ({"type": "hall.remove", "hall_id": 999999}, "NOT_FOUND"),
        ({"type": "floor.give"}, "INVALID_FRAME"),
        ({"type": "floor.give", "user_id": 1, "hall_id": 1}, "INVALID_FRAME"),
        ({"type": "floor.give", "hall_id": True}, "INVALID_FRAME"),
        ({"type": "floor.give", "hall_id": 999999}, "NOT_FOUND"),
    ],
)
async def test_bad_hall_frames_get_a_clear_error_and_change_nothing(connect, debate, facilitator, frame, code):
    boss = await connect(debate, facilitator)
    await boss.send(frame)
    error = await boss.receive_type("error")
    assert error["code"] == code and error["detail"]
    assert await database_sync_to_async(HallSpeaker.objects.count)() == 0
    assert (await reload(debate)).last_seq == 0


async def test_a_person_of_another_debates_hall_is_not_found(connect, debate, make_debate, facilitator):
    other = await database_sync_to_async(make_debate)(facilitators=[facilitator])
    stranger = await database_sync_to_async(services.hall_speaker_add)(actor=facilitator, debate=other, name="Léa")
    boss = await connect(debate, facilitator)
    for frame in ({"type": "floor.give", "hall_id": stranger.pk}, {"type": "hall.remove", "hall_id": stranger.pk}):
        await boss.send(frame)
        assert (await boss.receive_type("error"))["code"] == "NOT_FOUND"
    assert (await reload(debate)).floor_hall_speaker_id is None


async def test_hall_add_in_a_closed_debate_is_refused(connect, make_debate, facilitator):
    closed = await database_sync_to_async(make_debate)(status=Debate.Status.CLOSED, facilitators=[facilitator])
    boss = await connect(closed, facilitator)
    await boss.send({"type": "hall.add", "name": "Jean"})
    assert (await boss.receive_type("error"))["code"] == "ROOM_CLOSED"


def test_floor_clock_keeps_one_timer_per_room(event_loop_policy=None):
    import asyncio

    async def run():
        until = timezone.now() + timezone.timedelta(hours=1)
        floor_clock.watch(424242, until)
        floor_clock.watch(424242, until)
        assert floor_clock.pending() == 1
        floor_clock.watch(424242, None)
        await asyncio.sleep(0)
        assert floor_clock.pending() == 0

    asyncio.run(run())
