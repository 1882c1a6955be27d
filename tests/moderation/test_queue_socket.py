"""The live queue socket through the real ASGI application: who may listen, and what they hear."""

import json
import uuid

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from accounts.roles import Role
from debates import services as rooms
from moderation import services

pytestmark = pytest.mark.django_db(transaction=True)


def _cookie(user) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


async def _open(user, origin=b"http://testserver"):
    from cite.asgi import application

    headers = [(b"origin", origin), (b"host", b"testserver")]
    if user is not None:
        headers.append((b"cookie", (await database_sync_to_async(_cookie)(user)).encode()))
    communicator = WebsocketCommunicator(application, "/ws/moderation/", headers=headers)
    connected, code = await communicator.connect()
    return communicator, connected, code


@database_sync_to_async
def _post(user, debate, body):
    rooms.debate_accept_charter(actor=user, debate=debate)
    return rooms.message_post(actor=user, debate=debate, client_id=uuid.uuid4(), body=body).message


@database_sync_to_async
def _report(reporter, message):
    services.report_submit(actor=reporter, message_id=message.pk, reason="spam")


async def test_queue_socket_refuses_anonymous_residents_and_foreign_origins(resident, facilitator, debate):
    for user in (None, resident):
        _socket, connected, code = await _open(user)
        assert not connected and code == 4403
    _socket, connected, _code = await _open(facilitator, origin=b"http://evil.example")
    assert not connected


async def test_queue_socket_tells_the_debates_facilitator_of_a_report_and_not_others(
    make_user, make_debate, facilitator, debate, resident, other_resident
):
    stranger = await database_sync_to_async(make_user)(roles=[Role.FACILITATOR])
    await database_sync_to_async(make_debate)(facilitators=[stranger])
    mine, connected, _ = await _open(facilitator)
    assert connected
    theirs, connected, _ = await _open(stranger)
    assert connected
    message = await _post(resident, debate, "Le marché du samedi, c’est trop tôt.")
    await _report(other_resident, message)
    frame = json.loads(await mine.receive_from(timeout=3))
    assert frame == {"type": "queue.changed", "debate_id": debate.pk}
    assert await theirs.receive_nothing(timeout=0.3)
    await mine.send_to(text_data='{"type":"decide"}')
    assert json.loads(await mine.receive_from(timeout=3))["code"] == "UNKNOWN_TYPE"
    await mine.disconnect()
    await theirs.disconnect()


async def test_queue_socket_city_agent_hears_every_debate(city_agent, debate, resident, other_resident):
    communicator, connected, _ = await _open(city_agent)
    assert connected
    message = await _post(resident, debate, "Un avis sur les horaires.")
    await _report(other_resident, message)
    assert json.loads(await communicator.receive_from(timeout=3))["debate_id"] == debate.pk
    await communicator.disconnect()


async def test_queue_socket_of_a_facilitator_taken_off_one_debate_stops_hearing_it(
    make_debate, facilitator, debate, resident, other_resident
):
    other = await database_sync_to_async(make_debate)(facilitators=[facilitator])
    communicator, connected, _ = await _open(facilitator)
    assert connected
    await database_sync_to_async(debate.facilitators.remove)(facilitator)
    # The socket stays open and asks the page to fetch its queue again, without that debate.
    assert json.loads(await communicator.receive_from(timeout=3)) == {"type": "queue.changed", "debate_id": None}
    message = await _post(resident, debate, "Le marché du samedi, c’est trop tôt.")
    await _report(other_resident, message)
    assert await communicator.receive_nothing(timeout=0.3)
    message = await _post(resident, other, "Et le dimanche ?")
    await _report(other_resident, message)
    assert json.loads(await communicator.receive_from(timeout=3)) == {"type": "queue.changed", "debate_id": other.pk}
    await communicator.disconnect()


async def test_queue_socket_of_a_facilitator_taken_off_their_last_debate_is_closed_with_4403(facilitator, debate):
    communicator, connected, _ = await _open(facilitator)
    assert connected
    await database_sync_to_async(debate.facilitators.remove)(facilitator)
    assert (await communicator.receive_output(timeout=3)) == {"type": "websocket.close", "code": 4403}


async def test_queue_socket_of_a_facilitator_added_to_a_debate_hears_it(
    make_debate, facilitator, resident, other_resident
):
    first = await database_sync_to_async(make_debate)(facilitators=[facilitator])
    second = await database_sync_to_async(make_debate)()
    communicator, connected, _ = await _open(facilitator)
    assert connected
    await database_sync_to_async(second.facilitators.add)(facilitator)
    assert json.loads(await communicator.receive_from(timeout=3)) == {"type": "queue.changed", "debate_id": None}
    message = await _post(resident, second, "Une question sur la place.")
    await _report(other_resident, message)
    assert json.loads(await communicator.receive_from(timeout=3)) == {"type": "queue.changed", "debate_id": second.pk}
    assert first.pk != second.pk
    await communicator.disconnect()
