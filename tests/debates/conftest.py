"""Fixtures of the debate tests: debates in each state, participants who accepted the charter,
and a WebSocket client that speaks to the real ASGI application with a real session."""

import itertools
import json

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from debates import services
from debates.models import Debate
from tests.debates.sessions import session_cookie

_numbers = itertools.count(1)


@pytest.fixture
def make_debate(db):
    def make(*, status=Debate.Status.OPEN, mode=Debate.Mode.OPEN, facilitators=(), **fields):
        n = next(_numbers)
        debate = Debate.objects.create(
            title=fields.pop("title", f"Débat {n}"),
            slug=fields.pop("slug", f"debat-{n}"),
            question=fields.pop("question", "Comment mieux se parler entre voisins ?"),
            status=status,
            mode=mode,
            **fields,
        )
        debate.facilitators.set(facilitators)
        return debate

    return make


@pytest.fixture
def debate(make_debate, facilitator):
    return make_debate(facilitators=[facilitator])


@pytest.fixture
def joined(debate):
    """``joined(user)`` -> the user, having accepted the debate's charter."""

    def join(user, on=None):
        services.debate_accept_charter(actor=user, debate=on or debate)
        return user

    return join


class Socket:
    """A WebSocket client on ``cite.asgi.application`` (origin check, session auth, routing)."""

    def __init__(self, communicator):
        self.communicator = communicator

    async def send(self, frame):
        await self.communicator.send_to(text_data=frame if isinstance(frame, str) else json.dumps(frame))

    async def receive(self, timeout=3):
        return json.loads(await self.communicator.receive_from(timeout=timeout))

    async def receive_type(self, type_, timeout=3):
        """Skip frames until one of ``type_``; the skipped ones are kept in ``self.skipped``."""
        self.skipped = []
        while True:
            frame = await self.receive(timeout)
            if frame["type"] == type_:
                return frame
            self.skipped.append(frame)

    async def nothing(self, timeout=0.3) -> bool:
        return await self.communicator.receive_nothing(timeout=timeout)

    async def close(self):
        if not self.communicator.future.done():  # not already closed, or killed by a test
            await self.communicator.disconnect()


@pytest.fixture
async def connect():
    """``await connect(debate, user, resume=0)`` -> an open Socket past room.state (and resume).

    Returns the close code instead when the server refuses the connection."""
    from cite.asgi import application

    sockets = []

    async def open_socket(debate, user=None, *, resume=0, origin=b"http://testserver", host=b"testserver", client=None):
        headers = [(b"origin", origin), (b"host", host)]
        if user is not None:
            cookie = await database_sync_to_async(session_cookie)(user)
            headers.append((b"cookie", cookie.encode()))
        communicator = WebsocketCommunicator(application, f"/ws/debats/{debate.slug}/", headers=headers)
        if client is not None:
            communicator.scope["client"] = client
        connected, code = await communicator.connect()
        if not connected:
            return code
        first = await communicator.receive_output(timeout=3)
        if first["type"] == "websocket.send" and json.loads(first["text"])["type"] == "error":
            first = await communicator.receive_output(timeout=3)  # the reason, then the close
        if first["type"] == "websocket.close":
            return first["code"]
        socket = Socket(communicator)
        sockets.append(socket)
        socket.state = json.loads(first["text"])
        assert socket.state["type"] == "room.state"
        if resume is not None:
            await socket.send({"type": "resume", "since": resume})
        return socket

    yield open_socket
    for socket in sockets:
        await socket.close()
