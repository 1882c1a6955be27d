"""Crowds arriving in a room, for bench/ws_fanout.py (``--mode connect-cost`` and ``--mode storm``).

- connect-cost: N sockets join one after another (50 at a time); the server process's CPU time
  from the first handshake to the last socket in the room, divided by N. The room's listeners
  are N distinct logged-in accounts (session, account, role, state), each sending its
  ``resume``; the baseline is the bare Channels socket (``bench.bare_channels``: group_add,
  accept), measured in the same run.
- storm: N logged-in clients all start within one second (as after a deploy, or a session
  announced in the hall), join and ``resume`` from 0; a client whose connection fails retries
  like the room page (jittered back-off). Reported: how many joined, how many retries, the
  time from the first start until the last client has caught up with the room's log (p50 and
  p95 of each client's own time too), and the server's CPU time.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
from dataclasses import dataclass

import websockets

HISTORY = 20  # events in the room's log before the storm


def add_accounts(count: int) -> list[str]:
    """``count`` verified accounts with a session each (Django must be set up); their cookies."""
    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from accounts.models import User

    users = []
    for i in range(count):
        user = User(email=f"crowd-{i}@example.org", display_name=f"Voisin {i}")
        user.set_unusable_password()
        users.append(user)
    users = User.objects.bulk_create(users)
    EmailAddress.objects.bulk_create([EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users])
    cookies = []
    for user in users:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={session.session_key}")
    return cookies


def add_history(count: int) -> None:
    import uuid

    from accounts.models import User
    from debates import services
    from debates.models import Debate

    debate = Debate.objects.get(slug="bench")
    poster = User.objects.get(email="poster@example.org")
    for i in range(count):
        services.message_post(actor=poster, debate=debate, client_id=uuid.uuid4(), body=f"historique {i}")


async def _open(url: str, origin: str, cookie: str | None):
    headers = {"Cookie": cookie} if cookie else {}
    return await websockets.connect(
        url, origin=origin, additional_headers=headers, max_size=None, open_timeout=60, ping_interval=None
    )


@dataclass
class ConnectCost:
    kind: str
    layer: str
    sockets: int
    cpu_ms_per_socket: float
    seconds: float


async def connect_cost(server, count: int, cookies: list[str], cpu_seconds) -> ConnectCost:
    url = f"ws://127.0.0.1:{server.port}{server.path}"
    origin = f"http://127.0.0.1:{server.port}"
    gate = asyncio.Semaphore(50)
    opened = []

    async def one(i: int):
        async with gate:
            socket_ = await _open(url, origin, cookies[i] if server.kind == "room" else None)
            if server.kind == "room":
                state = json.loads(await socket_.recv())
                assert state["type"] == "room.state" and state["you"]["user_id"], state
                await socket_.send(json.dumps({"type": "resume", "since": state["last_seq"]}))
            opened.append(socket_)

    cpu_start = cpu_seconds(server.process.pid)
    start = time.perf_counter()
    await asyncio.gather(*(one(i) for i in range(count)))
    elapsed = time.perf_counter() - start
    await asyncio.sleep(0.5)  # the last resumes answered
    cpu = cpu_seconds(server.process.pid) - cpu_start
    for socket_ in opened:
        await socket_.close()
    return ConnectCost(server.kind, server.layer, count, cpu / count * 1000, elapsed)


@dataclass
class Storm:
    kind: str
    layer: str
    clients: int
    joined: int
    retries: int
    last_caught_up: float
    p50: float
    p95: float
    cpu_seconds: float


async def storm(server, count: int, cookies: list[str], cpu_seconds) -> Storm:
    """Every client starts within one second; each is caught up once it has the last seq."""
    url = f"ws://127.0.0.1:{server.port}{server.path}"
    origin = f"http://127.0.0.1:{server.port}"
    retries = 0
    done: list[float] = []
    opened = []
    begin = time.perf_counter()

    async def client(i: int):
        nonlocal retries
        await asyncio.sleep(random.random())  # every start within one second
        started = time.perf_counter()
        attempt = 0
        while True:
            try:
                socket_ = await _open(url, origin, cookies[i] if server.kind == "room" else None)
                opened.append(socket_)
                if server.kind == "room":
                    state = json.loads(await asyncio.wait_for(socket_.recv(), timeout=60))
                    last = state["last_seq"]
                    await socket_.send(json.dumps({"type": "resume", "since": 0}))
                    seen = 0
                    while seen < last:
                        frame = json.loads(await asyncio.wait_for(socket_.recv(), timeout=60))
                        if frame.get("type") == "ping":
                            await socket_.send(json.dumps({"type": "pong", "n": frame["n"]}))
                        seen = max(seen, frame.get("seq") or 0)
                done.append(time.perf_counter() - started)
                return time.perf_counter()
            except (TimeoutError, OSError, websockets.WebSocketException):
                retries += 1
                attempt += 1
                if attempt > 8:
                    return None
                # The room page's back-off: 1, 2, 4… s with jitter.
                await asyncio.sleep(min(30, 2 ** (attempt - 1)) * (0.2 + 0.8 * random.random()))

    cpu_start = cpu_seconds(server.process.pid)
    finished = await asyncio.gather(*(client(i) for i in range(count)))
    cpu = cpu_seconds(server.process.pid) - cpu_start
    for socket_ in opened:
        await socket_.close()
    ended = [t for t in finished if t is not None]
    ordered = sorted(done)

    def pct(q):
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else float("nan")

    return Storm(
        kind=server.kind,
        layer=server.layer,
        clients=count,
        joined=len(ended),
        retries=retries,
        last_caught_up=(max(ended) - begin) if ended else float("nan"),
        p50=pct(0.5),
        p95=pct(0.95),
        cpu_seconds=cpu,
    )
