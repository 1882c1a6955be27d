"""PostgreSQL going away under a live room, for real: a daphne process on the test database,
whose connections are cut (``pg_terminate_backend``) while the database refuses new ones
(``ALLOW_CONNECTIONS false``), then allowed again. Run with ``pytest -m multiprocess`` and
DATABASE_URL set to PostgreSQL."""

import asyncio
import json
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
import websockets
from django.db import connection

from tests.e2e.conftest import _free_port, start_daphne, stop
from tests.e2e.test_debates_faults_multiprocess import _connect, room  # noqa: F401 (a fixture)

pytestmark = pytest.mark.multiprocess


class Outage:
    """Cuts the test database off from every other client, and lets them back."""

    def __init__(self):
        settings = connection.settings_dict
        self.name = settings["NAME"]
        self.maintenance = psycopg.connect(
            host=settings["HOST"],
            port=settings["PORT"] or 5432,
            user=settings["USER"],
            password=settings["PASSWORD"] or None,
            dbname="postgres",
            autocommit=True,
        )
        with connection.cursor() as cursor:  # this process's own connection is spared
            cursor.execute("SELECT pg_backend_pid()")
            self.own_pid = cursor.fetchone()[0]

    def begin(self) -> int:
        self.maintenance.execute(f'ALTER DATABASE "{self.name}" ALLOW_CONNECTIONS false')
        cut = self.maintenance.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = %s AND pid <> %s",
            [self.name, self.own_pid],
        ).fetchone()[0]
        return cut

    def end(self) -> None:
        self.maintenance.execute(f'ALTER DATABASE "{self.name}" ALLOW_CONNECTIONS true')

    def close(self) -> None:
        self.end()
        self.maintenance.close()


@pytest.fixture
def server_on_postgres(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        if connection.vendor != "postgresql":
            pytest.skip("needs PostgreSQL (DATABASE_URL)")
        name = connection.settings_dict["NAME"]
    port = _free_port()
    process = start_daphne(database_name=name, port=port)  # embedded layer: only the database fails
    yield port
    print(process.log_path.read_text()[-6000:])  # shown when the test fails
    stop(process)


async def _until_answered(socket, client_id: str | None = None, kinds=("error", "message.ack")) -> dict:
    """The next frame of one of ``kinds`` (for ``client_id``); the room's messages seen on the
    way are kept in ``socket.seen``."""
    while True:
        frame = json.loads(await asyncio.wait_for(socket.recv(), timeout=30))
        if frame["type"] == "ping":
            await socket.send(json.dumps({"type": "pong", "n": frame["n"]}))
        if frame["type"] == "message.new":
            socket.seen.append(frame["message"]["body_html"])
        if frame["type"] in kinds and (client_id is None or frame.get("client_id") == client_id):
            return frame


async def _scenario(port, slug, cookie, outage):
    socket = await _connect(port, slug, cookie)
    socket.seen = []
    before = str(uuid.uuid4())
    await socket.send(json.dumps({"type": "message.post", "client_id": before, "body": "avant la panne"}))
    acked_before = await _until_answered(socket, before)

    cut = await asyncio.to_thread(outage.begin)
    try:
        during = str(uuid.uuid4())
        await socket.send(json.dumps({"type": "message.post", "client_id": during, "body": "pendant la panne"}))
        refused = await _until_answered(socket, during)
        await socket.send(json.dumps({"type": "hand.raise"}))
        hand = await _until_answered(socket, kinds=("error",))
        # The socket is still open and answers what needs no database.
        await socket.send(json.dumps({"type": "nothing"}))
        alive = await _until_answered(socket, kinds=("error",))
        # A new socket is accepted, then closed with 4503 (try again later).
        newcomer = await websockets.connect(
            f"ws://127.0.0.1:{port}/ws/debats/{slug}/",
            origin=f"http://127.0.0.1:{port}",
            additional_headers={"Cookie": cookie},
        )
        with pytest.raises(websockets.ConnectionClosed):
            await asyncio.wait_for(newcomer.recv(), timeout=30)
        newcomer_code = newcomer.close_code
    finally:
        await asyncio.to_thread(outage.end)

    # Back: the client resends the same client_id after retry_after, as the room page does.
    deadline = time.monotonic() + 60
    while True:
        await socket.send(json.dumps({"type": "message.post", "client_id": during, "body": "pendant la panne"}))
        after = await _until_answered(socket, during)
        if after["type"] == "message.ack" or time.monotonic() > deadline:
            break
        await asyncio.sleep(after.get("retry_after", 1))
    while len(socket.seen) < 2:  # both messages reach the room, live
        await _until_answered(socket, kinds=("message.new",))
    new = socket.seen
    await socket.close()
    return cut, acked_before, refused, hand, alive, newcomer_code, after, new


def test_database_outage_answers_service_unavailable_keeps_the_socket_and_recovers(
    server_on_postgres,
    room,  # noqa: F811 (the fixture imported above)
):
    from debates.models import Message

    debate, people = room
    (_user, cookie), _other = people
    outage = Outage()
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            cut, acked_before, refused, hand, alive, newcomer_code, after, new = pool.submit(
                asyncio.run, _scenario(server_on_postgres, debate.slug, cookie, outage)
            ).result()
    finally:
        outage.close()
    assert cut >= 1  # the server's connections were really cut
    assert acked_before["type"] == "message.ack"
    assert refused["type"] == "error" and refused["code"] == "SERVICE_UNAVAILABLE"
    assert refused["retry_after"] >= 1
    assert hand["code"] == "SERVICE_UNAVAILABLE" and hand["retry_after"] >= 1
    assert alive["code"] == "UNKNOWN_TYPE"
    assert newcomer_code == 4503
    assert after["type"] == "message.ack" and after["status"] == "published"
    assert new == ["avant la panne", "pendant la panne"]
    bodies = list(Message.objects.filter(debate=debate).order_by("pk").values_list("body", flat=True))
    assert bodies == ["avant la panne", "pendant la panne"]
