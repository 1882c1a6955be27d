"""Two daphne processes on the Redis layer and a shared database: concurrent posts through both
get unique, gapless seq values, and a listener on each process receives every event once, in
order. Run with ``pytest -m multiprocess`` (PostgreSQL: set DATABASE_URL; Redis must run)."""

import asyncio
import json
import os
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import websockets
from django.db import connection

from tests.debates.sessions import session_cookie
from tests.e2e.conftest import _free_port, start_daphne, stop

pytestmark = pytest.mark.multiprocess

POSTERS_PER_PROCESS = 2
MESSAGES_PER_POSTER = 20
# A Redis database of its own, so that other test runs on the machine do not share its groups.
REDIS_URL = f"redis://127.0.0.1:6379/{12 + os.getpid() % 4}"


@pytest.fixture
def two_servers(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        database_name = connection.settings_dict["NAME"]
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    ports = [_free_port(), _free_port()]
    processes = [start_daphne(database_name=database_name, port=p, env_extra={"REDIS_URL": REDIS_URL}) for p in ports]
    yield ports
    for process in processes:
        stop(process)


@pytest.fixture
def setting(e2e_db):
    """A room whose profile has only the gate rules (a burst of posts is the point here), and
    participants who accepted its charter, with their session cookies."""
    from allauth.account.models import EmailAddress

    from accounts.models import User
    from debates import services
    from debates.models import Debate
    from moderation.models import FacilitationProfile

    n = uuid.uuid4().hex[:8]
    profile = FacilitationProfile.objects.create(name=f"Portes seulement {n}", slug=f"portes-{n}", rules=[])
    debate = Debate.objects.create(title=f"Multi {n}", slug=f"multi-{n}", question="?", status="open", profile=profile)
    cookies = []
    for i in range(2 * POSTERS_PER_PROCESS):
        user = User.objects.create_user(email=f"multi-{n}-{i}@example.org", password="x" * 12, display_name=f"P{i}")
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        services.debate_accept_charter(actor=user, debate=debate)
        cookies.append(session_cookie(user))
    return debate, cookies


async def _connect(port, slug, cookie=None):
    headers = {"Cookie": cookie} if cookie else {}
    return await websockets.connect(
        f"ws://127.0.0.1:{port}/ws/debats/{slug}/", origin=f"http://127.0.0.1:{port}", additional_headers=headers
    )


async def _listen(socket, until: int) -> list[int]:
    """Every seq received, in order, until ``until``."""
    seqs = []
    while not seqs or seqs[-1] < until:
        frame = json.loads(await asyncio.wait_for(socket.recv(), timeout=30))
        if frame["type"] == "ping":
            await socket.send(json.dumps({"type": "pong", "n": frame["n"]}))
        elif "seq" in frame:
            seqs.append(frame["seq"])
    return seqs


async def _post_burst(socket, poster: int) -> list[dict]:
    client_ids = [str(uuid.uuid4()) for _ in range(MESSAGES_PER_POSTER)]
    for i, client_id in enumerate(client_ids):
        await socket.send(json.dumps({"type": "message.post", "client_id": client_id, "body": f"P{poster} n°{i}"}))
    # And the first one again, as a client that did not see its ack would.
    await socket.send(json.dumps({"type": "message.post", "client_id": client_ids[0], "body": f"P{poster} n°0"}))
    acks = []
    while len(acks) < MESSAGES_PER_POSTER + 1:
        frame = json.loads(await asyncio.wait_for(socket.recv(), timeout=30))
        assert frame["type"] != "error", frame
        if frame["type"] == "message.ack":
            acks.append(frame)
    return acks


async def _scenario(ports, slug, cookies):
    total = 2 * POSTERS_PER_PROCESS * MESSAGES_PER_POSTER
    listeners = [await _connect(port, slug) for port in ports]
    for socket in listeners:
        assert json.loads(await socket.recv())["type"] == "room.state"
        await socket.send(json.dumps({"type": "resume", "since": 0}))
    posters = [await _connect(ports[i % 2], slug, cookie) for i, cookie in enumerate(cookies)]
    for socket in posters:
        assert json.loads(await socket.recv())["type"] == "room.state"
        await socket.send(json.dumps({"type": "resume", "since": 0}))
    listening = [asyncio.create_task(_listen(socket, total)) for socket in listeners]
    acks = await asyncio.gather(*(_post_burst(socket, i) for i, socket in enumerate(posters)))
    received = await asyncio.gather(*listening)
    for socket in listeners + posters:
        await socket.close()
    return acks, received


def test_concurrent_posts_through_two_processes_get_gapless_seq_and_reach_every_listener_once(two_servers, setting):
    from debates.models import Message, RoomEvent

    debate, cookies = setting
    # In a thread of its own: the browser tests of the same session keep an event loop here.
    with ThreadPoolExecutor(max_workers=1) as pool:
        acks, received = pool.submit(asyncio.run, _scenario(two_servers, debate.slug, cookies)).result()
    total = 2 * POSTERS_PER_PROCESS * MESSAGES_PER_POSTER

    seqs = list(RoomEvent.objects.filter(debate=debate).order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, total + 1))
    assert Message.objects.filter(debate=debate).count() == total
    assert sorted(Message.objects.filter(debate=debate).values_list("seq", flat=True)) == seqs
    for poster_acks in acks:
        assert poster_acks[-1] == poster_acks[0]  # the resent client_id got the same ack
        assert len({a["message_id"] for a in poster_acks}) == MESSAGES_PER_POSTER
    # Each listener, one per process, got every event once and in order.
    assert received == [seqs, seqs]


async def _floor_frames(socket, count: int) -> list[dict | None]:
    """The ``floor`` of the first ``count`` floor.changed frames a socket receives."""
    floors = []
    while len(floors) < count:
        frame = json.loads(await asyncio.wait_for(socket.recv(), timeout=30))
        if frame["type"] == "ping":
            await socket.send(json.dumps({"type": "pong", "n": frame["n"]}))
        elif frame["type"] == "floor.changed":
            floors.append(frame["floor"])
    return floors


async def _turn_scenario(ports, slug, boss_cookie, speaker_id):
    listeners = [await _connect(port, slug) for port in ports]
    for socket in listeners:
        assert json.loads(await socket.recv())["type"] == "room.state"
        await socket.send(json.dumps({"type": "resume", "since": 0}))
    boss = await _connect(ports[0], slug, boss_cookie)
    assert json.loads(await boss.recv())["type"] == "room.state"
    watching = [asyncio.create_task(_floor_frames(socket, 2)) for socket in listeners]
    await boss.send(json.dumps({"type": "floor.give", "user_id": speaker_id, "seconds": 10}))
    received = await asyncio.gather(*watching)
    for socket in [*listeners, boss]:
        await socket.close()
    return received


def test_a_turn_that_runs_out_is_ended_once_whatever_the_number_of_processes(two_servers, setting):
    """Each process times the turn of its room; the first to fire ends it, the other finds nothing
    to end: the room gets one floor.changed."""
    from allauth.account.models import EmailAddress

    from accounts.models import User
    from debates.models import Debate, RoomEvent

    debate, _cookies = setting
    boss = User.objects.create_user(
        email=f"boss-{debate.slug}@example.org", password="x" * 12, display_name="Animation"
    )
    EmailAddress.objects.create(user=boss, email=boss.email, verified=True, primary=True)
    debate.facilitators.add(boss)
    speaker = debate.participations.order_by("pk").first().user
    with ThreadPoolExecutor(max_workers=1) as pool:
        received = pool.submit(
            asyncio.run, _turn_scenario(two_servers, debate.slug, session_cookie(boss), speaker.pk)
        ).result()
    for floors in received:
        assert floors[0]["user_id"] == speaker.pk and floors[1] is None
    ends = RoomEvent.objects.filter(debate=debate, type="floor.changed").values_list("payload", flat=True)
    assert [p["floor"] is None for p in ends] == [False, True]
    assert Debate.objects.get(pk=debate.pk).floor_user_id is None
