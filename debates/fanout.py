"""Per-process fan-out of a room's events to the sockets of this process.

Channels' usual pattern (each socket joins the group) costs one layer message and one JSON
encoding per socket and per event. Here each process subscribes **once per room** to the
room's group; an event arrives once, already encoded (``debates.events``), and the hub hands the
same text to each local socket. The hub also:

- restores the room's order across processes: two processes may commit seq 7 and 8 and send
  them in the other order. seq is taken under the debate's row lock, so when event n arrives
  every event below n is committed; a hub that sees a gap reads the missing events from the log
  and delivers them first, and drops anything it has already delivered;
- sends the heartbeat ``ping`` (encoded once per room) and the ``presence`` count.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from typing import Protocol

from channels.db import database_sync_to_async
from django.conf import settings
from django.core.cache import cache

from debates import events, floor_clock, selectors
from debates.models import Debate

logger = logging.getLogger(__name__)

# The heartbeat interval is cut into this many steps; each step pings one slice of the sockets.
SLICES = 10


class Frame:
    """One event for this process's sockets: its JSON text and, under daphne, its WebSocket
    frame, built once and written as is to each socket (``direct_socket``)."""

    __slots__ = ("_prepared", "text")

    def __init__(self, text: str):
        self.text = text
        self._prepared = None

    def prepared(self, factory):
        if self._prepared is None:
            self._prepared = factory.prepareMessage(self.text.encode())
        return self._prepared


def direct_socket(send):
    """The daphne (autobahn) protocol behind an ASGI ``send``, or None under another server.

    Daphne's ``send`` re-encodes and re-frames the text for every socket; writing a frame
    prepared once saves that per-socket work, which is most of the cost of a broadcast.
    """
    if isinstance(send, functools.partial) and send.args:
        protocol = send.args[0]
        if hasattr(protocol, "sendPreparedMessage") and hasattr(protocol, "factory"):
            return protocol
    return None


class Listener(Protocol):
    async def deliver(self, audience: str, seq: int | None, frame: Frame) -> None: ...

    async def heartbeat(self, n: int, frame: Frame) -> None: ...


def _presence_key(debate_id: int) -> str:
    return f"debates:presence:{debate_id}"


def _last_seq(debate_id: int) -> int:
    return Debate.objects.filter(pk=debate_id).values_list("last_seq", flat=True).first() or 0


def _presence_add(debate_id: int, delta: int) -> int:
    key = _presence_key(debate_id)
    cache.add(key, 0, timeout=None)
    try:
        return max(0, cache.incr(key, delta))
    except ValueError:  # evicted between add and incr
        cache.set(key, max(0, delta), timeout=None)
        return max(0, delta)


def _presence(debate_id: int) -> int:
    return max(0, cache.get(_presence_key(debate_id)) or 0)


class RoomHub:
    """The sockets of one room in this process, and the one subscription that feeds them."""

    def __init__(self, debate_id: int):
        self.debate_id = debate_id
        self.listeners: set[Listener] = set()
        self.last_seq = 0
        self.channel = ""
        self._tasks: list[asyncio.Task] = []
        self._ping = 0
        self._presence = -1
        # Deliveries of events with a seq, one at a time, so that they leave in order.
        self._order = asyncio.Lock()

    async def start(self) -> None:
        # Subscribe first, then read where the log stands: an event committed in between is
        # either in the log (seq <= last_seq, dropped here, replayed by ``resume``) or arrives.
        self.channel = await events.subscribe(self.debate_id)
        self.last_seq = await database_sync_to_async(_last_seq)(self.debate_id)
        self._tasks = [asyncio.create_task(self._listen()), asyncio.create_task(self._tick())]

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        with contextlib.suppress(Exception):
            await events.unsubscribe(self.debate_id, self.channel)

    async def _listen(self) -> None:
        while True:
            try:
                message = await events.receive(self.channel)
                await self.dispatch(message)
            except asyncio.CancelledError:
                raise
            except Exception:  # one bad event must not stop the room
                logger.exception("room %s: event dispatch failed", self.debate_id)

    async def dispatch(self, message: dict) -> None:
        async with self._order:
            await self._dispatch(message)

    async def _dispatch(self, message: dict) -> None:
        seq = message.get("seq")
        if seq is not None:
            if seq <= self.last_seq:
                return
            if seq > self.last_seq + 1:
                missing = await database_sync_to_async(selectors.room_events)(
                    debate_id=self.debate_id, after=self.last_seq, upto=seq - 1
                )
                for frame in missing:
                    await self._broadcast(events.EVERYONE, frame["seq"], Frame(events.encode(frame)))
            self.last_seq = seq
        await self._broadcast(message["audience"], seq, Frame(message["text"]))

    async def _broadcast(self, audience: str, seq: int | None, frame: Frame) -> None:
        # Writing to a socket does not wait for the network (the server buffers), so one slow
        # socket cannot hold the others back; slow readers are closed by their consumer.
        if seq is not None:
            floor_clock.observe(self.debate_id, frame.text)
        for listener in list(self.listeners):
            await listener.deliver(audience, seq, frame)

    async def _tick(self) -> None:
        """Every heartbeat interval, in SLICES steps: each step pings one slice of the sockets,
        so that a thousand pongs do not all come back at once and delay a broadcast. Once per
        interval, the presence count, and a look at the log for events the layer may have lost
        (a hub fills gaps when the next event arrives; this covers the last one)."""
        step = settings.DEBATES_HEARTBEAT_SECONDS / SLICES
        while True:
            await asyncio.sleep(step)
            self._ping += 1
            ping = Frame(events.encode({"type": "ping", "n": self._ping}))
            slot = self._ping % SLICES
            for listener in list(self.listeners):
                if hash(listener) % SLICES == slot:
                    await listener.heartbeat(self._ping, ping)
            if slot == 0:
                try:
                    await self._every_interval()
                except Exception:
                    logger.exception("room %s: heartbeat failed", self.debate_id)

    async def _every_interval(self) -> None:
        latest = await database_sync_to_async(_last_seq)(self.debate_id)
        if latest > self.last_seq:
            async with self._order:
                await self._catch_up(latest)
        count = await database_sync_to_async(_presence)(self.debate_id)
        if count != self._presence:
            self._presence = count
            await self._broadcast(events.EVERYONE, None, Frame(events.encode({"type": "presence", "count": count})))
        # Keep the group membership alive on layers that expire it (channels-redis).
        if self._ping % (100 * SLICES) == 0:
            await events.subscribe(self.debate_id, self.channel)

    async def _catch_up(self, latest: int) -> None:
        if latest > self.last_seq:
            missing = await database_sync_to_async(selectors.room_events)(
                debate_id=self.debate_id, after=self.last_seq, upto=latest
            )
            for frame in missing:
                if frame["seq"] > self.last_seq:
                    self.last_seq = frame["seq"]
                    await self._broadcast(events.EVERYONE, frame["seq"], Frame(events.encode(frame)))


_hubs: dict[tuple[int, int], RoomHub] = {}
_locks: dict[tuple[int, int], asyncio.Lock] = {}


def _key(debate_id: int) -> tuple[int, int]:
    # Keyed by event loop too: a hub's tasks and subscription belong to the loop that made them.
    return (id(asyncio.get_running_loop()), debate_id)


async def join(debate_id: int, listener: Listener) -> RoomHub:
    """Add a socket of this process to its room, subscribing the process on the first one."""
    key = _key(debate_id)
    lock = _locks.setdefault(key, asyncio.Lock())
    async with lock:
        hub = _hubs.get(key)
        if hub is None:
            hub = RoomHub(debate_id)
            await hub.start()
            _hubs[key] = hub
        hub.listeners.add(listener)
    await database_sync_to_async(_presence_add)(debate_id, 1)
    return hub


async def leave(debate_id: int, listener: Listener) -> None:
    """Remove a socket; the last one out ends the process's subscription to the room."""
    key = _key(debate_id)
    lock = _locks.setdefault(key, asyncio.Lock())
    async with lock:
        hub = _hubs.get(key)
        if hub is None or listener not in hub.listeners:
            return
        hub.listeners.discard(listener)
        if not hub.listeners:
            del _hubs[key]
            await hub.stop()
    await database_sync_to_async(_presence_add)(debate_id, -1)


def presence(debate_id: int) -> int:
    """How many sockets the room has, over every process (sent in ``room.state``)."""
    return _presence(debate_id)


def hub_count() -> int:
    return len(_hubs)
