"""The room when parts fail, through the real ASGI application: a channel layer that does not
answer (a Redis port nobody listens on), a socket whose consumer is killed, presence counts of
processes that vanished. Redis restarts during a live session: tests/e2e/test_debates_multiprocess.py."""

import asyncio
import socket as sockets_module
import uuid

import pytest
from channels.db import database_sync_to_async
from channels.layers import channel_layers
from django.test import Client, override_settings

from cite import sockets
from debates import fanout
from debates.models import Message

pytestmark = pytest.mark.django_db(transaction=True)


def _closed_port() -> int:
    with sockets_module.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_down():
    """A Redis channel layer whose server is not running."""
    layers = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [f"redis://127.0.0.1:{_closed_port()}/0"]},
        }
    }
    with override_settings(CHANNEL_LAYERS=layers):
        channel_layers.backends.clear()
        yield
    channel_layers.backends.clear()


async def test_connect_and_post_while_the_layer_is_down_keep_the_socket(connect, debate, resident, joined, redis_down):
    await database_sync_to_async(joined)(resident)
    socket = await connect(debate, resident)
    assert socket.state["type"] == "room.state"
    assert sockets.layer_degraded()
    frame = {"type": "message.post", "client_id": str(uuid.uuid4()), "body": "Malgré la panne"}
    await socket.send(frame)
    ack = await socket.receive_type("message.ack")
    assert ack["status"] == "published"
    # The event is in the log: a resume gives it even though the layer never carried it.
    await socket.send({"type": "resume", "since": 0})
    assert (await socket.receive_type("message.new"))["message"]["id"] == ack["message_id"]
    assert await database_sync_to_async(Message.objects.count)() == 1


async def test_healthz_reports_the_layer_while_it_is_down(debate, redis_down):
    response = await database_sync_to_async(Client().get)("/healthz")
    assert response.status_code == 503
    assert response.json()["channel_layer"].startswith("error")


async def test_killed_consumer_leaves_its_room_and_registry(connect, debate, resident):
    socket = await connect(debate, resident)
    assert fanout.hub_count() == 1 and sockets.sockets_of(resident.pk) == 1
    # What the server does to an application it gives up on: cancel it.
    socket.communicator.future.cancel()
    with pytest.raises(asyncio.CancelledError):
        await socket.communicator.future
    assert fanout.hub_count() == 0
    assert sockets.sockets_of(resident.pk) == 0


@override_settings(DEBATES_HEARTBEAT_SECONDS=0.4)
async def test_presence_of_a_vanished_process_expires(debate):
    write = database_sync_to_async(fanout._presence_write)
    await write(debate.pk, "live-process", 2)
    await write(debate.pk, "crashed-process", 26)
    assert await database_sync_to_async(fanout._presence)(debate.pk) == 28
    await asyncio.sleep(1.3)  # past the expiry of both; only the live one writes again
    await write(debate.pk, "live-process", 2)
    assert await database_sync_to_async(fanout._presence)(debate.pk) == 2


async def test_presence_is_zero_once_the_last_socket_left(connect, debate, resident, other_resident):
    first, second = await connect(debate, resident), await connect(debate, other_resident)
    hub = next(iter(fanout._hubs.values()))
    await database_sync_to_async(fanout._presence_write)(debate.pk, hub.token, len(hub.listeners))
    assert await database_sync_to_async(fanout._presence)(debate.pk) == 2
    await first.close()
    await second.close()
    assert await database_sync_to_async(fanout._presence)(debate.pk) == 0
