"""Reliability of the room: resume without gap or duplicate, slow readers, heartbeats, order."""

import asyncio
import uuid

import pytest
from channels.db import database_sync_to_async

from debates import fanout, services
from debates.models import RoomEvent

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def gates_only(monkeypatch):
    """These tests are about delivery: the facilitation rules (flood...) are left out."""
    from debates import posting

    monkeypatch.setattr(posting, "profile_steps", lambda profile: [])


@database_sync_to_async
def post(user, debate, body):
    return services.message_post(actor=user, debate=debate, client_id=uuid.uuid4(), body=body).message


@database_sync_to_async
def hide(facilitator, debate, message):
    services.message_hide(actor=facilitator, debate=debate, message_id=message.pk, reason="Propos blessants")


@database_sync_to_async
def room_log(debate):
    return list(RoomEvent.objects.filter(debate=debate).order_by("seq").values_list("seq", "type"))


async def seq_frames(socket, upto):
    """Frames with a seq, in the order received, until seq ``upto``."""
    got = []
    while not got or got[-1]["seq"] < upto:
        frame = await socket.receive()
        if "seq" in frame:
            got.append(frame)
    return got


async def test_resume_after_a_disconnection_gives_exactly_the_room_events(
    connect, debate, resident, facilitator, joined
):
    await database_sync_to_async(joined)(resident)
    first = await post(resident, debate, "Premier message")
    socket = await connect(debate, resident)
    assert [f["seq"] for f in await seq_frames(socket, 1)] == [1]
    await socket.close()
    # While the client is away: a message is hidden, others are posted.
    await hide(facilitator, debate, first)
    await post(resident, debate, "Deuxième message")
    await post(facilitator, debate, "Message de l’animation")
    socket = await connect(debate, resident, resume=1)
    frames = await seq_frames(socket, 4)
    assert [(f["seq"], f["type"]) for f in frames] == [(2, "message.hidden"), (3, "message.new"), (4, "message.new")]
    assert await socket.nothing()
    assert [seq for seq, _type in await room_log(debate)] == [1, 2, 3, 4]


async def test_resume_from_zero_keeps_a_hidden_message_hidden(connect, debate, resident, facilitator, joined):
    await database_sync_to_async(joined)(resident)
    first = await post(resident, debate, "Un message bientôt masqué")
    await hide(facilitator, debate, first)
    socket = await connect(debate, None, resume=0)
    new, hidden = await seq_frames(socket, 2)
    assert new["message"]["id"] == first.pk and new["message"]["body_html"] == ""
    assert hidden["message_id"] == first.pk and hidden["reason"] == "Propos blessants"


async def test_resume_seam_has_no_gap_and_no_duplicate(connect, debate, resident, joined):
    await database_sync_to_async(joined)(resident)
    for n in range(3):
        await post(resident, debate, f"Avant {n}")
    socket = await connect(debate, None, resume=None)
    # Live events arrive before the client asks to resume: they wait, then follow the history.
    for n in range(3):
        await post(resident, debate, f"Pendant {n}")
    await asyncio.sleep(0.1)
    await socket.send({"type": "resume", "since": 0})
    frames = await seq_frames(socket, 6)
    assert [f["seq"] for f in frames] == [1, 2, 3, 4, 5, 6]
    await post(resident, debate, "Après")
    assert [f["seq"] for f in await seq_frames(socket, 7)] == [7]
    assert await socket.nothing()


async def test_hub_fills_a_gap_from_the_log_and_drops_duplicates(connect, debate, resident, joined):
    """Two processes may send seq n+1 before seq n: the hub reads what it missed from the log."""
    await database_sync_to_async(joined)(resident)
    socket = await connect(debate, None)
    hub = fanout._hubs[(id(asyncio.get_running_loop()), debate.pk)]
    # Store two events without letting them reach the layer, then deliver only the second.
    from django.db import transaction

    def post_silently():
        frames = []
        with transaction.atomic():
            for body in ("Un", "Deux"):
                services.message_post(actor=resident, debate=debate, client_id=uuid.uuid4(), body=body)
            frames = [e.payload for e in RoomEvent.objects.filter(debate=debate).order_by("seq")]
            transaction.get_connection().run_on_commit = []
        return frames

    first, second = await database_sync_to_async(post_silently)()
    from debates import events

    await hub.dispatch({"audience": "all", "seq": 2, "text": events.encode(second)})
    await hub.dispatch({"audience": "all", "seq": 1, "text": events.encode(first)})
    frames = await seq_frames(socket, 2)
    assert [(f["seq"], f["message"]["body_html"]) for f in frames] == [(1, "Un"), (2, "Deux")]
    assert await socket.nothing()


async def test_slow_reader_is_closed_with_4429(connect, debate, resident, joined, settings):
    settings.DEBATES_SLOW_READER_BYTES = 2000
    await database_sync_to_async(joined)(resident)
    reader = await connect(debate, None)
    for n in range(12):
        await post(resident, debate, f"Message numéro {n} pour remplir la file de lecture")
    close = None
    while close is None:
        output = await reader.communicator.receive_output(timeout=3)
        if output["type"] == "websocket.close":
            close = output["code"]
    assert close == 4429


async def test_reader_that_answers_pings_is_not_closed(connect, debate, resident, joined, settings):
    settings.DEBATES_SLOW_READER_BYTES = 6000
    settings.DEBATES_HEARTBEAT_SECONDS = 0.2
    # A wide window for a missed ping: posting from the test itself may take a second on a busy
    # machine, and this test is about bytes, not about dead connections.
    settings.DEBATES_HEARTBEAT_MISSES = 50
    await database_sync_to_async(joined)(resident)
    reader = await connect(debate, None)
    for n in range(30):
        await post(resident, debate, f"Message numéro {n} pour remplir la file de lecture")
        # A reader that keeps up reads each message and answers the next ping, so that what it
        # has not confirmed never grows past one message, while the total sent (30 messages)
        # is far past the limit.
        seen = pinged = False
        while not (seen and pinged):
            frame = await reader.receive()
            if frame["type"] == "ping":
                await reader.send({"type": "pong", "n": frame["n"]})
                pinged = seen
            if frame.get("seq") == n + 1:
                seen = True
    # Still connected well past the limit: the next message arrives.
    await post(resident, debate, "Encore un")
    assert [f["seq"] for f in await seq_frames(reader, 31) if f["type"] == "message.new"][-1] == 31


async def test_dead_connection_is_closed_with_4408_after_missed_pings(connect, debate, settings):
    settings.DEBATES_HEARTBEAT_SECONDS = 0.05
    settings.DEBATES_HEARTBEAT_MISSES = 2
    socket = await connect(debate, None)
    code = None
    while code is None:
        output = await socket.communicator.receive_output(timeout=3)
        if output["type"] == "websocket.close":
            code = output["code"]
    assert code == 4408


async def test_last_socket_out_ends_the_process_subscription(connect, debate):
    first = await connect(debate, None)
    second = await connect(debate, None)
    assert fanout.hub_count() == 1
    await first.close()
    assert fanout.hub_count() == 1
    await second.close()
    assert fanout.hub_count() == 0


async def test_an_event_lost_by_the_layer_reaches_listeners_from_the_log(connect, debate, resident, joined, settings):
    """The last event of a burst has no successor to reveal the gap: the hub looks at the log."""
    settings.DEBATES_HEARTBEAT_SECONDS = 0.1
    await database_sync_to_async(joined)(resident)
    socket = await connect(debate, None)
    from django.db import transaction

    def post_without_sending():
        with transaction.atomic():
            services.message_post(actor=resident, debate=debate, client_id=uuid.uuid4(), body="Perdu en route")
            transaction.get_connection().run_on_commit = []

    await database_sync_to_async(post_without_sending)()
    (frame,) = await seq_frames(socket, 1)
    assert frame["message"]["body_html"] == "Perdu en route"
