"""Two daphne processes on a Redis of the test's own (``redis-server`` on a free port, never the
machine's shared one): Redis restarts during a live session, and an account logs out while it
has a socket on each process. Run with ``pytest -m multiprocess`` (PostgreSQL: DATABASE_URL)."""

import asyncio
import json
import re
import shutil
import subprocess
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import websockets
from django.db import connection

from tests.debates.sessions import session_cookie
from tests.e2e.conftest import ROOT, _free_port, start_daphne, stop

pytestmark = [
    pytest.mark.multiprocess,
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs redis-server"),
]


class OwnRedis:
    """A redis-server of this test, without persistence: a restart forgets every group, as a
    crashed or replaced Redis does."""

    def __init__(self):
        self.port = _free_port()
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            cwd=ROOT / "var",
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        import redis

        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if redis.Redis.from_url(self.url).ping():
                    return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def own_redis():
    server = OwnRedis()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def two_servers(django_db_setup, django_db_blocker, own_redis):
    with django_db_blocker.unblock():
        database_name = connection.settings_dict["NAME"]
    ports = [_free_port(), _free_port()]
    processes = [
        start_daphne(database_name=database_name, port=p, env_extra={"REDIS_URL": own_redis.url}) for p in ports
    ]
    yield ports
    for process in processes:
        stop(process)


@pytest.fixture
def room(e2e_db):
    """An open room with a gates-only profile, and two participants with their cookies."""
    from allauth.account.models import EmailAddress

    from accounts.models import User
    from debates import services
    from debates.models import Debate
    from facilitation.models import FacilitationProfile

    n = uuid.uuid4().hex[:8]
    profile = FacilitationProfile.objects.create(name=f"Portes {n}", slug=f"portes-f-{n}", rules=[])
    debate = Debate.objects.create(title=f"Panne {n}", slug=f"panne-{n}", question="?", status="open", profile=profile)
    people = []
    for i in range(2):
        user = User.objects.create_user(email=f"panne-{n}-{i}@example.org", password="x" * 12, display_name=f"P{i}")
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        services.debate_accept_charter(actor=user, debate=debate)
        people.append((user, session_cookie(user)))
    return debate, people


async def _connect(port, slug, cookie=None):
    headers = {"Cookie": cookie} if cookie else {}
    socket = await websockets.connect(
        f"ws://127.0.0.1:{port}/ws/debats/{slug}/", origin=f"http://127.0.0.1:{port}", additional_headers=headers
    )
    assert json.loads(await socket.recv())["type"] == "room.state"
    await socket.send(json.dumps({"type": "resume", "since": 0}))
    return socket


class Listener:
    """Every seq a socket receives, in order, with the time it arrived."""

    def __init__(self, socket):
        self.socket = socket
        self.seqs: list[int] = []
        self.arrived: dict[int, float] = {}
        self.task = asyncio.create_task(self._run())

    async def _run(self):
        async for text in self.socket:
            frame = json.loads(text)
            if frame["type"] == "ping":
                await self.socket.send(json.dumps({"type": "pong", "n": frame["n"]}))
            elif "seq" in frame:
                self.seqs.append(frame["seq"])
                self.arrived[frame["seq"]] = time.monotonic()

    async def wait_for(self, seq: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while seq not in self.arrived:
            assert time.monotonic() < deadline, f"seq {seq} not received; got {self.seqs}"
            await asyncio.sleep(0.01)


async def _post(socket, body: str) -> dict:
    client_id = str(uuid.uuid4())
    await socket.send(json.dumps({"type": "message.post", "client_id": client_id, "body": body}))
    while True:
        frame = json.loads(await asyncio.wait_for(socket.recv(), timeout=30))
        if frame.get("client_id") == client_id:
            assert frame["type"] == "message.ack", frame
            return frame


def _health(port) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


async def _until_healthy(ports, timeout=60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        statuses = [await asyncio.to_thread(_health, port) for port in ports]
        if all(status == 200 for status, _body in statuses):
            return
        assert time.monotonic() < deadline, statuses
        await asyncio.sleep(0.1)


async def _restart_scenario(ports, slug, cookies, redis_server):
    listeners = [Listener(await _connect(port, slug)) for port in ports]
    posters = [await _connect(ports[i], slug, cookie) for i, cookie in enumerate(cookies)]
    drains = [asyncio.create_task(asyncio.sleep(0))]
    before = [await _post(posters[i % 2], f"avant {i}") for i in range(4)]
    for listener in listeners:
        await listener.wait_for(4, timeout=30)

    redis_server.stop()
    # During the outage: posts are stored and acknowledged, listeners get them from the log.
    during = [await _post(posters[i % 2], f"pendant {i}") for i in range(2)]
    degraded = [await asyncio.to_thread(_health, port) for port in ports]
    await asyncio.sleep(3)
    redis_server.start()
    await _until_healthy(ports)

    # Back: live delivery within a second, on both processes, from both processes.
    after = []
    for i in range(4):
        ack = await _post(posters[i % 2], f"après {i}")
        after.append(ack)
        seq = 4 + len(during) + i + 1
        for listener in listeners:
            await listener.wait_for(seq, timeout=1.0)
    total = 4 + len(during) + len(after)
    for listener in listeners:
        await listener.wait_for(total, timeout=30)
    for socket in [listener.socket for listener in listeners] + posters:
        await socket.close()
    for task in [listener.task for listener in listeners] + drains:
        task.cancel()
    return before + during + after, degraded, [listener.seqs for listener in listeners]


def test_redis_restart_during_a_live_session_recovers_live_delivery_once_and_in_order(two_servers, room, own_redis):
    from debates.models import RoomEvent

    debate, people = room
    cookies = [cookie for _user, cookie in people]
    with ThreadPoolExecutor(max_workers=1) as pool:
        acks, degraded, received = pool.submit(
            asyncio.run, _restart_scenario(two_servers, debate.slug, cookies, own_redis)
        ).result()
    assert all(ack["status"] == "published" for ack in acks)
    # While Redis was down, /healthz said so.
    assert all(status == 503 and body["channel_layer"] != "ok" for status, body in degraded)
    seqs = list(RoomEvent.objects.filter(debate=debate).order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, len(acks) + 1))
    # Every listener, one per process, got every event exactly once, in order.
    assert received == [seqs, seqs]
    for port in two_servers:
        log = (ROOT / "var" / f"daphne-{port}.log").read_text()
        assert log.count("Traceback") <= 2, log[-3000:]  # no flood of tracebacks


def _logout(port: int, cookie: str) -> int:
    opener = urllib.request.build_opener()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/accounts/logout/", headers={"Cookie": cookie})
    with opener.open(request, timeout=10) as response:
        page = response.read().decode()
        # Several cookies may be set (the language of a first visit too): read every header.
        cookies = " ".join(response.headers.get_all("Set-Cookie") or [])
        csrf_cookie = re.search(r"csrftoken=([^;]+)", cookies).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = f"csrfmiddlewaretoken={token}".encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/accounts/logout/",
        data=data,
        headers={"Cookie": f"{cookie}; csrftoken={csrf_cookie}", "Content-Type": "application/x-www-form-urlencoded"},
    )

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


async def _revocation_scenario(ports, slug, cookie, other_cookie):
    mine = [await _connect(port, slug, cookie) for port in ports]
    others = [await _connect(port, slug, other_cookie) for port in ports]
    status = await asyncio.to_thread(_logout, ports[0], cookie)
    codes = []
    for socket in mine:
        with pytest.raises(websockets.ConnectionClosed):
            while True:
                await asyncio.wait_for(socket.recv(), timeout=5)
        codes.append(socket.close_code)
    # The other account's sockets stay open and may still post.
    ack = await _post(others[1], "toujours là")
    for socket in others:
        await socket.close()
    return status, codes, ack


def test_logout_closes_the_accounts_sockets_on_every_process(two_servers, room):
    debate, people = room
    (_user, cookie), (_other, other_cookie) = people
    with ThreadPoolExecutor(max_workers=1) as pool:
        status, codes, ack = pool.submit(
            asyncio.run, _revocation_scenario(two_servers, debate.slug, cookie, other_cookie)
        ).result()
    assert status == 302
    assert codes == [4401, 4401]
    assert ack["status"] == "published"


# --- limits that hold across processes ------------------------------------------------------------


async def _open_raw(port, slug, cookie):
    return await websockets.connect(
        f"ws://127.0.0.1:{port}/ws/debats/{slug}/",
        origin=f"http://127.0.0.1:{port}",
        additional_headers={"Cookie": cookie},
    )


async def _cap_scenario(ports, slug, cookie):
    cap = 6  # DEBATES_MAX_SOCKETS_PER_ACCOUNT
    opened = [await _connect(ports[i % 2], slug, cookie) for i in range(cap)]
    refused = []
    for port in ports:  # a 7th socket, on either process, is refused
        socket = await _open_raw(port, slug, cookie)
        frame = json.loads(await asyncio.wait_for(socket.recv(), timeout=10))
        with pytest.raises(websockets.ConnectionClosed):
            await asyncio.wait_for(socket.recv(), timeout=10)
        refused.append((frame.get("code"), socket.close_code))
    # One closed on the second process frees a place on the first.
    await opened.pop(1).close()
    deadline = time.monotonic() + 10
    while True:
        socket = await _open_raw(ports[0], slug, cookie)
        first = json.loads(await asyncio.wait_for(socket.recv(), timeout=10))
        if first["type"] == "room.state" or time.monotonic() > deadline:
            break
        await asyncio.sleep(0.1)  # the closed socket's release may still be on its way
    opened.append(socket)
    for socket in opened:
        await socket.close()
    return refused, first["type"]


def test_sockets_per_account_are_capped_across_processes(two_servers, room):
    debate, people = room
    (_user, cookie), _other = people
    with ThreadPoolExecutor(max_workers=1) as pool:
        refused, after_one_closed = pool.submit(asyncio.run, _cap_scenario(two_servers, debate.slug, cookie)).result()
    assert refused == [("TOO_MANY_CONNECTIONS", 4409), ("TOO_MANY_CONNECTIONS", 4409)]
    assert after_one_closed == "room.state"


async def _budget_scenario(ports, slug, cookie):
    sockets = [await _connect(port, slug, cookie) for port in ports]
    each = 20  # under a connection's 30 and under what one process allows an account (30)
    codes = []
    for socket in sockets:  # one process after the other
        for _ in range(each):
            await socket.send(json.dumps({"type": "nothing"}))
        got = []
        while len(got) < each:
            frame = json.loads(await asyncio.wait_for(socket.recv(), timeout=30))
            if frame["type"] == "ping":
                await socket.send(json.dumps({"type": "pong", "n": frame["n"]}))
            elif frame["type"] == "error":
                got.append(frame["code"])
        codes.append(got)
        await socket.close()
    return codes


def test_account_frame_budget_holds_across_processes(two_servers, room):
    debate, people = room
    (_user, cookie), _other = people
    with ThreadPoolExecutor(max_workers=1) as pool:
        first, second = pool.submit(asyncio.run, _budget_scenario(two_servers, debate.slug, cookie)).result()
    # The account's 30 frames per window are shared by both processes: the first socket used
    # 20 of them, the second gets 10 and is then refused.
    assert first == ["UNKNOWN_TYPE"] * 20
    assert second.count("UNKNOWN_TYPE") <= 10 and "RATE_LIMITED" in second
