"""Per-process fan-out of a room's events to the sockets of this process.

Channels' usual pattern (each socket joins the group) costs one layer message and one JSON
encoding per socket and per event. Here each process subscribes **once per room** to the
room's group; an event arrives once, already encoded (``debates.events``), and the hub hands the
same text to each local socket. The hub also:

- restores the room's order across processes: two processes may commit seq 7 and 8 and send
  them in the other order. seq is taken under the debate's row lock, so when event n arrives
  every event below n is committed; a hub that sees a gap reads the missing events from the log
  and delivers them first, and drops anything it has already delivered;
- sends the heartbeat ``ping`` (encoded once per room) and the ``presence`` count;
- survives the layer going away (``core.sockets.GroupListener``): it backs off, reads the log
  meanwhile so that its sockets still get the room's events, subscribes again as soon as the
  layer answers and catches up from the log at once.

Presence cannot drift: each hub writes the number of its own sockets under a key of its own
that expires unless refreshed, and the room's count is the sum of the live keys. A process that
crashed, or a Redis that restarted empty, is forgotten within ``PRESENCE_TTL``.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import time
import uuid
from typing import Protocol

from channels.db import database_sync_to_async
from django.conf import settings
from django.core.cache import cache

from core.sockets import GroupListener
from debates import events, floor_clock, room_state, selectors
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


def _presence_ttl() -> int:
    return max(1, round(settings.DEBATES_HEARTBEAT_SECONDS * 3))


def _last_seq(debate_id: int) -> int:
    return Debate.objects.filter(pk=debate_id).values_list("last_seq", flat=True).first() or 0


def _presence_write(debate_id: int, token: str, count: int) -> None:
    """Write this hub's count (expiring) and make sure the room's list of hubs names it."""
    key = _presence_key(debate_id)
    if count:
        cache.set(f"{key}:{token}", count, timeout=_presence_ttl())
    else:
        cache.delete(f"{key}:{token}")
    tokens = cache.get(key) or []
    if count and token not in tokens:
        # Two hubs adding themselves at once may lose one: it adds itself again next time.
        cache.set(key, [*tokens, token], timeout=None)


def _presence(debate_id: int) -> int:
    """Sockets in the room across processes: the sum of the hubs' unexpired counts."""
    key = _presence_key(debate_id)
    tokens = cache.get(key) or []
    if not tokens:
        return 0
    counts = cache.get_many([f"{key}:{t}" for t in tokens])
    alive = [t for t in tokens if f"{key}:{t}" in counts]
    if len(alive) != len(tokens):
        cache.set(key, alive, timeout=None)
    return sum(counts.values())


class RoomHub:
    """The sockets of one room in this process, and the one subscription that feeds them."""

    def __init__(self, debate_id: int):
        self.debate_id = debate_id
        self.listeners: set[Listener] = set()
        self.last_seq = 0
        self.token = uuid.uuid4().hex
        self.listener = GroupListener(
            events.room_group(debate_id),
            self.dispatch,
            name=f"room {debate_id}",
            on_restored=self._caught_up,
            while_down=self._caught_up,
        )
        self._tasks: list[asyncio.Task] = []
        self._ping = 0
        self._presence = -1
        self._presence_written = -1
        # Deliveries of events with a seq, one at a time, so that they leave in order.
        self._order = asyncio.Lock()

    async def start(self) -> None:
        # Subscribe first, then read where the log stands: an event committed in between is
        # either in the log (seq <= last_seq, dropped here, replayed by ``resume``) or arrives.
        # A layer that does not answer does not stop the room: the listener keeps trying, and
        # the log is read meanwhile.
        await self.listener.start()
        self.last_seq = await database_sync_to_async(_last_seq)(self.debate_id)
        self._tasks = [asyncio.create_task(self._tick())]

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        await self.listener.stop()
        with contextlib.suppress(Exception):
            await database_sync_to_async(_presence_write)(self.debate_id, self.token, 0)

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
            room_state.forget(self.debate_id)  # the room's shared state may have changed
        await self._broadcast(message["audience"], seq, Frame(message["text"]))

    async def _broadcast(self, audience: str, seq: int | None, frame: Frame) -> None:
        # Writing to a socket does not wait for the network (the server buffers), so one slow
        # socket cannot hold the others back; slow readers are closed by their consumer.
        if seq is not None:
            floor_clock.observe(self.debate_id, frame.text)
        for listener in list(self.listeners):
            try:
                await listener.deliver(audience, seq, frame)
            except Exception:  # one broken socket must not keep the event from the others
                logger.exception("room %s: delivery to a socket failed", self.debate_id)

    async def _caught_up(self) -> None:
        """Read the log for events the layer did not bring (it was down, or just came back)."""
        latest = await database_sync_to_async(_last_seq)(self.debate_id)
        if latest > self.last_seq:
            async with self._order:
                await self._catch_up(latest)

    async def _tick(self) -> None:
        """Every heartbeat interval, in SLICES steps: each step pings one slice of the sockets,
        so that a thousand pongs do not all come back at once and delay a broadcast, and writes
        this hub's presence count if it changed. Once per interval, the room's presence count,
        a look at the log for events the layer may have lost (a hub fills gaps when the next
        event arrives; this covers the last one), and the renewal of the subscription."""
        step = settings.DEBATES_HEARTBEAT_SECONDS / SLICES
        while True:
            await asyncio.sleep(step)
            self._ping += 1
            ping = Frame(events.encode({"type": "ping", "n": self._ping}))
            slot = self._ping % SLICES
            for listener in list(self.listeners):
                if hash(listener) % SLICES == slot:
                    try:
                        await listener.heartbeat(self._ping, ping)
                    except Exception:
                        logger.exception("room %s: heartbeat to a socket failed", self.debate_id)
            try:
                count = len(self.listeners)
                if slot == 0 or count != self._presence_written:
                    await database_sync_to_async(_presence_write)(self.debate_id, self.token, count)
                    self._presence_written = count
                if slot == 0:
                    await self._every_interval()
            except Exception as error:  # the cache or the database is down: next time
                logger.warning("room %s: heartbeat work failed: %r", self.debate_id, error)

    async def _every_interval(self) -> None:
        await self._caught_up()
        count = await database_sync_to_async(_presence)(self.debate_id)
        if count != self._presence:
            self._presence = count
            await self._broadcast(events.EVERYONE, None, Frame(events.encode({"type": "presence", "count": count})))
        # Keep the group membership alive on layers that expire or forget it (channels-redis,
        # a restarted Redis that never broke the connection).
        await self.listener.renew()

    async def _catch_up(self, latest: int) -> None:
        if latest > self.last_seq:
            missing = await database_sync_to_async(selectors.room_events)(
                debate_id=self.debate_id, after=self.last_seq, upto=latest
            )
            room_state.forget(self.debate_id)
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
            try:
                await hub.start()
            except BaseException:
                await hub.stop()
                raise
            _hubs[key] = hub
        hub.listeners.add(listener)
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


PRESENCE_KEPT_SECONDS = 1.0
_presence_kept: dict[int, tuple[float, int]] = {}


def presence(debate_id: int) -> int:
    """How many sockets the room has, over every process (sent in ``room.state``). Kept a
    second per process, like the room's shared state: a crowd joining at once would otherwise
    make two cache round trips per socket for the same figure, which the hub's periodic
    ``presence`` frame corrects anyway."""
    now = time.monotonic()
    kept = _presence_kept.get(debate_id)
    if kept is not None and now - kept[0] < PRESENCE_KEPT_SECONDS:
        return kept[1]
    count = _presence(debate_id)
    _presence_kept[debate_id] = (now, count)
    return count


def hub_count() -> int:
    return len(_hubs)
