"""Real-time fan-out benchmark: N listeners in one room and a poster, one broadcast per second.

Three servers, measured in the same run so that the baselines share the machine's conditions:

- ``room``: the debate room itself (daphne, ``cite.asgi``): each broadcast is a real
  ``message.post`` (permission, gates, a database transaction, the event log) fanned out by the
  per-process hub (``debates.fanout``);
- ``bare``: a bare Channels broadcast (daphne, ``bench.bare_channels``): every socket in the
  group, one layer message and one JSON encoding per socket;
- ``plain``: a plain ``websockets`` server writing one encoded frame to every socket.

``room`` and ``bare`` run on the in-memory layer and on the Redis layer. For each run the script
prints post-to-delivery latency (p50/p95/p99), delivered frames per second, server CPU per
delivered frame (from /proc, the server process only) and the share of broadcasts that reach
95 % of listeners within 500 ms.

    .venv/bin/python bench/ws_fanout.py                       # 50, 200, 1000, 2000 listeners
    .venv/bin/python bench/ws_fanout.py --sizes 1000 --broadcasts 20 --servers room,bare
    .venv/bin/python bench/ws_fanout.py --mode connect-cost --sizes 1000 --layers memory
    .venv/bin/python bench/ws_fanout.py --mode storm --sizes 1000 --layers memory

``--mode connect-cost`` measures the server CPU time of joining the room (N logged-in accounts)
against a bare Channels socket, the room measured twice: as configured, and with its periodic
work (heartbeat pings, presence counts) pushed out of the window, as the bare socket has none.
``--mode storm`` starts N logged-in clients within one second and reports the time until the
last has joined and caught up (bench/ws_crowd.py).

The room runs with a facilitation profile without content rules (gates only): the rules cost
is measured by bench/moderation.py. Needs Redis on 127.0.0.1:6379 for the Redis runs (database
11, flushed; another with BENCH_REDIS_URL). Listeners, poster and measurements share one client process.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

import websockets

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/11")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
WITHIN = 0.5  # seconds
SHARE = 0.95


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime


# --- the room's database: a debate, a poster who accepted its charter ------------------------


def prepare_database(directory: str, accounts: int = 0) -> dict:
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ["SQLITE_PATH"] = str(Path(directory) / "bench.sqlite3")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from accounts.models import User
    from debates import services
    from debates.models import Debate
    from facilitation.models import FacilitationProfile

    call_command("migrate", verbosity=0)
    profile = FacilitationProfile.objects.create(name="Bench", slug="bench", rules=[])
    debate = Debate.objects.create(title="Bench", slug="bench", question="?", status="open", profile=profile)
    poster = User.objects.create_user(email="poster@example.org", password="x" * 12, display_name="Bench")
    EmailAddress.objects.create(user=poster, email=poster.email, verified=True, primary=True)
    services.debate_accept_charter(actor=poster, debate=debate)
    session = SessionStore()
    session[SESSION_KEY] = str(poster.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = poster.get_session_auth_hash()
    session.save()
    from bench import ws_crowd

    return {
        "cookie": f"{settings.SESSION_COOKIE_NAME}={session.session_key}",
        "sqlite": os.environ["SQLITE_PATH"],
        "cookies": ws_crowd.add_accounts(accounts),
    }


# --- servers -----------------------------------------------------------------------------------


@dataclass
class Server:
    kind: str
    layer: str
    port: int
    process: subprocess.Popen
    log: str

    @property
    def path(self) -> str:
        return {"room": "/ws/debats/bench/", "bare": "/ws/bare/", "plain": "/"}[self.kind]


def start_server(kind: str, layer: str, database: dict, env_extra: dict | None = None) -> Server:
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "SQLITE_PATH": database["sqlite"],
        **(env_extra or {}),
    }
    env.pop("REDIS_URL", None)
    if layer == "redis":
        env["REDIS_URL"] = REDIS_URL
    if kind == "plain":
        command = [sys.executable, "-m", "bench.plain_ws", str(port)]
    else:
        app = "cite.asgi:application" if kind == "room" else "bench.bare_channels:application"
        command = [str(BIN / "daphne"), "-b", "127.0.0.1", "-p", str(port), app]
    log = open(Path(database["sqlite"]).with_name(f"{kind}-{layer}-{port}.log"), "w")  # noqa: SIM115
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)
    server = Server(kind, layer, port, process, log.name)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{kind} server stopped: {Path(log.name).read_text()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                pass
            if kind == "room":
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5).read()
            return server
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"{kind} server did not start")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
    errors = Path(server.log).read_text()
    if "Traceback" in errors:
        print(f"  {server.kind} server errors:\n{errors[-3000:]}", file=sys.stderr)


# --- clients -----------------------------------------------------------------------------------


async def open_socket(server: Server, cookie: str | None = None):
    headers = {"Cookie": cookie} if cookie else {}
    socket_ = await websockets.connect(
        f"ws://127.0.0.1:{server.port}{server.path}",
        origin=f"http://127.0.0.1:{server.port}",
        additional_headers=headers,
        max_size=None,
        open_timeout=60,
        ping_interval=None,
    )
    if server.kind == "room":
        state = json.loads(await socket_.recv())
        await socket_.send(json.dumps({"type": "resume", "since": state["last_seq"]}))
    return socket_


def broadcast_frame(server: Server, i: int) -> dict:
    if server.kind == "room":
        return {"type": "message.post", "client_id": str(uuid.uuid4()), "body": f"b{i}"}
    # The shape and size of the room's message.new, so that the three servers send alike.
    return {
        "type": "message.new",
        "seq": i,
        "message": {
            "id": i,
            "author": {"id": 1, "display_name": "Bench", "role": "participant"},
            "body_html": f"b{i}",
            "created_at": "2026-11-26T18:43:02.123456+00:00",
            "reply_to": None,
            "reformulation": "",
        },
    }


CLOSED: dict[int | None, int] = {}


async def listen(socket_, received: dict[int, list[float]]) -> None:
    try:
        async for text in socket_:
            frame = json.loads(text)
            kind = frame.get("type")
            if kind == "message.new":
                received.setdefault(int(frame["message"]["body_html"][1:]), []).append(time.perf_counter())
            elif kind == "ping":
                await socket_.send(json.dumps({"type": "pong", "n": frame["n"]}))
    except websockets.ConnectionClosed as closed:
        code = closed.rcvd.code if closed.rcvd else None
        CLOSED[code] = CLOSED.get(code, 0) + 1


async def drain(socket_) -> None:
    """The poster reads (and answers pings) so that its own socket never counts as slow."""
    try:
        async for text in socket_:
            frame = json.loads(text)
            if frame.get("type") == "ping":
                await socket_.send(json.dumps({"type": "pong", "n": frame["n"]}))
            elif frame.get("type") == "error":
                print("  poster error:", frame, file=sys.stderr)
    except websockets.ConnectionClosed:
        pass


@dataclass
class Result:
    kind: str
    layer: str
    listeners: int
    broadcasts: int
    p50: float
    p95: float
    p99: float
    frames_per_second: float
    cpu_per_frame_ms: float
    on_time_share: float
    lost: int


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def run_one(server: Server, listeners: int, broadcasts: int, cookie: str) -> Result:
    gate = asyncio.Semaphore(50)
    received: dict[int, list[float]] = {}
    tasks = []

    async def one():
        async with gate:
            socket_ = await open_socket(server)
        # Listen at once: a socket that leaves the heartbeat unanswered while the others
        # connect would be closed as dead (4408).
        tasks.append(asyncio.create_task(listen(socket_, received)))
        return socket_

    sockets = await asyncio.gather(*(one() for _ in range(listeners)))
    poster = await open_socket(server, cookie if server.kind == "room" else None)
    tasks.append(asyncio.create_task(drain(poster)))
    await asyncio.sleep(1)
    warmup = 2
    sent_at: dict[int, float] = {}
    cpu_start = None
    start = time.perf_counter()
    for i in range(warmup + broadcasts):
        if i == warmup:
            cpu_start = cpu_seconds(server.process.pid)
        sent_at[i] = time.perf_counter()
        await poster.send(json.dumps(broadcast_frame(server, i)))
        await asyncio.sleep(max(0.0, start + i + 1 - time.perf_counter()))
    measured = range(warmup, warmup + broadcasts)
    if CLOSED:
        print(f"  listeners closed by the server during the run (code: count): {CLOSED}", file=sys.stderr)
        CLOSED.clear()
    deadline = time.perf_counter() + 5
    while time.perf_counter() < deadline and any(len(received.get(i, [])) < listeners for i in measured):
        await asyncio.sleep(0.05)
    cpu = cpu_seconds(server.process.pid) - cpu_start
    last = max((max(received.get(i, [0])) for i in measured), default=0)
    for s in [*sockets, poster]:
        await s.close()
    for task in tasks:
        task.cancel()
    latencies = [t - sent_at[i] for i in measured for t in received.get(i, [])]
    delivered = len(latencies)
    on_time = sum(
        1 for i in measured if sum(1 for t in received.get(i, []) if t - sent_at[i] <= WITHIN) >= SHARE * listeners
    )
    return Result(
        kind=server.kind,
        layer=server.layer,
        listeners=listeners,
        broadcasts=broadcasts,
        p50=percentile(latencies, 0.50) * 1000 if latencies else float("nan"),
        p95=percentile(latencies, 0.95) * 1000 if latencies else float("nan"),
        p99=percentile(latencies, 0.99) * 1000 if latencies else float("nan"),
        frames_per_second=delivered / (last - sent_at[warmup]) if delivered else 0.0,
        cpu_per_frame_ms=cpu / delivered * 1000 if delivered else float("nan"),
        on_time_share=on_time / broadcasts,
        lost=listeners * broadcasts - delivered,
    )


HEADER = (
    "| server | layer | listeners | p50 (ms) | p95 (ms) | p99 (ms) | frames/s | server CPU per frame (µs) "
    "| broadcasts with 95 % within 500 ms | lost |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
)


def row(r: Result) -> str:
    return (
        f"| {r.kind} | {r.layer} | {r.listeners} | {r.p50:.0f} | {r.p95:.0f} | {r.p99:.0f} | "
        f"{r.frames_per_second:.0f} | {r.cpu_per_frame_ms * 1000:.0f} | {r.on_time_share:.0%} | {r.lost} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="50,200,1000,2000")
    parser.add_argument("--broadcasts", type=int, default=10)
    parser.add_argument("--servers", default="room,bare,plain")
    parser.add_argument("--layers", default="memory,redis")
    parser.add_argument("--mode", default="fanout", choices=["fanout", "connect-cost", "storm"])
    args = parser.parse_args()
    if args.mode != "fanout":
        crowd_main(args)
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    kinds = args.servers.split(",")
    layers = args.layers.split(",")
    if "redis" in layers:
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()
    results = []
    with tempfile.TemporaryDirectory() as directory:
        database = prepare_database(directory)
        print(f"load average before: {os.getloadavg()[0]:.2f}", flush=True)
        print(HEADER, flush=True)
        for size in sizes:
            for kind in kinds:
                for layer in ["none"] if kind == "plain" else layers:
                    server = start_server(kind, layer, database)
                    try:
                        result = asyncio.run(run_one(server, size, args.broadcasts, database["cookie"]))
                    except (OSError, websockets.WebSocketException) as error:
                        print(f"| {kind} | {layer} | {size} | failed: {error!r} |", flush=True)
                        continue
                    finally:
                        stop_server(server)
                    results.append(result)
                    print(row(result), flush=True)
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    print()
    for size in sizes:
        for layer in layers:
            room = next((r for r in results if (r.kind, r.layer, r.listeners) == ("room", layer, size)), None)
            bare = next((r for r in results if (r.kind, r.layer, r.listeners) == ("bare", layer, size)), None)
            if room and bare and room.cpu_per_frame_ms == room.cpu_per_frame_ms:
                ratio = bare.cpu_per_frame_ms / room.cpu_per_frame_ms
                print(f"{size} listeners, {layer}: bare Channels / room server CPU per frame = {ratio:.1f}")
    print("p50/p95/p99 over every (broadcast, listener) pair; CPU of the server process only.")


def crowd_main(args) -> None:
    sys.path.insert(0, str(ROOT))
    from bench import ws_crowd

    sizes = [int(s) for s in args.sizes.split(",")]
    layers = args.layers.split(",")
    kinds = [k for k in args.servers.split(",") if k in ("room", "bare")]
    if "redis" in layers:
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()
    with tempfile.TemporaryDirectory() as directory:
        database = prepare_database(directory, accounts=max(sizes))
        ws_crowd.add_history(ws_crowd.HISTORY)
        print(f"load average before: {os.getloadavg()[0]:.2f}", flush=True)
        results = []
        if args.mode == "connect-cost":
            print("| server | layer | sockets | server CPU per join (ms) | wall time (s) |\n|---|---|---:|---:|---:|")
        else:
            print(
                "| server | layer | clients | joined | retries | last caught up (s) | p50 (s) | p95 (s) "
                "| server CPU (s) |\n|---|---|---:|---:|---:|---:|---:|---:|---:|"
            )
        for size in sizes:
            for layer in layers:
                variants = [(kind, None) for kind in kinds]
                if args.mode == "connect-cost" and "room" in kinds:
                    # The room's periodic work (heartbeat pings, presence counts) is not part of
                    # joining and the bare socket has none: measured once with it, once without.
                    variants.insert(1, ("room", {"BENCH_HEARTBEAT_SECONDS": "3600"}))
                for kind, env_extra in variants:
                    server = start_server(kind, layer, database, env_extra)
                    label = f"{kind}, no heartbeat" if env_extra else kind
                    try:
                        if args.mode == "connect-cost":
                            r = asyncio.run(ws_crowd.connect_cost(server, size, database["cookies"], cpu_seconds))
                            r.kind = label
                            print(f"| {label} | {layer} | {size} | {r.cpu_ms_per_socket:.2f} | {r.seconds:.1f} |")
                        else:
                            r = asyncio.run(ws_crowd.storm(server, size, database["cookies"], cpu_seconds))
                            print(
                                f"| {kind} | {layer} | {size} | {r.joined} | {r.retries} | {r.last_caught_up:.1f} "
                                f"| {r.p50:.2f} | {r.p95:.2f} | {r.cpu_seconds:.1f} |"
                            )
                        results.append(r)
                    finally:
                        stop_server(server)
                    sys.stdout.flush()
        print(f"load average after: {os.getloadavg()[0]:.2f}")
        if args.mode == "connect-cost":
            for size in sizes:
                for layer in layers:
                    pair = {r.kind: r for r in results if (r.sockets, r.layer) == (size, layer)}
                    for label in ("room", "room, no heartbeat"):
                        if label in pair and "bare" in pair:
                            ratio = pair[label].cpu_ms_per_socket / pair["bare"].cpu_ms_per_socket
                            print(f"{size} sockets, {layer}: {label} / bare Channels CPU per join = {ratio:.1f}")


if __name__ == "__main__":
    main()
