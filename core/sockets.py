"""What the live sockets of a process share, whatever app serves them.

- ``GroupListener``: one channel of this process subscribed to a layer group, read in a loop
  that survives the layer going away: it backs off, logs one line per outage (not one traceback
  per retry), subscribes again as soon as the layer answers, and says so (``on_restored``), so
  that the owner can fetch what it missed. While it is not subscribed the process is *degraded*,
  and ``/healthz`` says so.
- Revocation: a process keeps the open sockets of each account; ``revoke_sockets`` tells every
  process, through one layer group that each process joins once, to close them (logout,
  deleted or deactivated account, a role taken away).
- ``send_to_group``: sending from synchronous code (services, on commit) without ever raising a
  layer error into the caller: what is sent to rooms is also in their log, and revocations are
  backed by the checks every acting frame makes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import uuid
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from core import shared_limits

logger = logging.getLogger(__name__)

# Close codes shared by every live socket (docs/protocol.md).
CLOSE_REVOKED = 4401  # the session ended, or the account may no longer act: reload the page
CLOSE_ROLE_CHANGED = 4403  # the account's role in this room changed: reconnect to get the new one

REVOKE_GROUP = "sockets.revoke"
REVOKE_TYPE = "sockets.revoke"

BACKOFF_FIRST = 0.1  # seconds
BACKOFF_MAX = 2.0

_degraded: set[int] = set()
# Names this process's sockets in shared counts.
_PROCESS = f"{os.uname().nodename}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def layer_degraded() -> bool:
    """True while some listener of this process has lost its subscription to the layer."""
    return bool(_degraded)


def send_to_group(group: str, payload: dict) -> bool:
    """Send from synchronous code. Returns False (and logs one line) when the layer is down."""
    layer = get_channel_layer()
    if layer is None:
        return False
    send = async_to_sync(layer.group_send)
    try:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            send(group, payload)
            return True
        # Synchronous code running in a thread that also runs an event loop (a command driven
        # by an async harness) cannot block on that loop: send from a helper thread.
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(send, group, payload).result()
        return True
    except Exception as error:  # the layer is down: the caller's change is committed anyway
        logger.warning("channel layer unavailable, %s not sent to %s: %r", payload.get("type"), group, error)
        return False


class GroupListener:
    """A channel of this process in ``group``, whose messages go to ``handle``, one at a time.

    ``on_restored`` runs after each re-subscription that follows a failure; ``while_down`` runs
    at each back-off step while the layer is unreachable (a room reads its log meanwhile).
    """

    def __init__(
        self,
        group: str,
        handle: Callable[[dict], Awaitable[None]],
        *,
        name: str,
        on_restored: Callable[[], Awaitable[None]] | None = None,
        while_down: Callable[[], Awaitable[None]] | None = None,
    ):
        self.group = group
        self.handle = handle
        self.name = name
        self.on_restored = on_restored
        self.while_down = while_down
        self.channel = ""
        self.subscribed = False
        self._failed = False
        self._task: asyncio.Task | None = None

    async def start(self) -> None:
        """Subscribe now if the layer answers; otherwise start degraded and keep trying."""
        await self._subscribe()
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        _degraded.discard(id(self))
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        if self.subscribed:
            with contextlib.suppress(Exception):
                await get_channel_layer().group_discard(self.group, self.channel)

    async def renew(self) -> None:
        """Add the membership again (layers expire it, and a restarted Redis has forgotten it)."""
        if self.subscribed:
            try:
                await get_channel_layer().group_add(self.group, self.channel)
            except Exception as error:
                self._down(error)

    async def _subscribe(self) -> bool:
        layer = get_channel_layer()
        try:
            self.channel = self.channel or await layer.new_channel()
            await layer.group_add(self.group, self.channel)
        except Exception as error:
            self._down(error)
            return False
        self.subscribed = True
        _degraded.discard(id(self))
        return True

    def _down(self, error: Exception) -> None:
        self.subscribed = False
        _degraded.add(id(self))
        if not self._failed:  # one line per outage, not one per retry
            self._failed = True
            logger.warning("%s: channel layer unavailable (%r); retrying with back-off", self.name, error)

    async def _run(self) -> None:
        layer = get_channel_layer()
        delay = BACKOFF_FIRST
        while True:
            if not self.subscribed:
                if self.while_down is not None:
                    with contextlib.suppress(Exception):
                        await self.while_down()
                await asyncio.sleep(delay)
                delay = min(delay * 2, BACKOFF_MAX)
                if not await self._subscribe():
                    continue
                logger.warning("%s: channel layer back, subscription restored", self.name)
                self._failed = False
                delay = BACKOFF_FIRST
                if self.on_restored is not None:
                    try:
                        await self.on_restored()
                    except Exception:
                        logger.exception("%s: catching up after the layer came back failed", self.name)
            try:
                message = await layer.receive(self.channel)
            except asyncio.CancelledError:
                raise
            except Exception as error:
                self._down(error)
                continue
            try:
                await self.handle(message)
            except asyncio.CancelledError:
                raise
            except Exception:  # one bad message must not stop the listener
                logger.exception("%s: handling a layer message failed", self.name)


# --- revocation -------------------------------------------------------------------------------


class Revocable(Protocol):
    user_id: int | None
    session_key: str | None

    def concerns(self, debate_id: int) -> bool:
        """Whether a change of role in this debate concerns the socket."""

    async def revoke(self, code: int) -> None: ...


class _Registry:
    """The open sockets of accounts, in one event loop of this process."""

    def __init__(self):
        self.sockets: dict[int, set[Revocable]] = {}
        # The sockets that count against their account's cap, and their lease in Redis.
        self.leases: dict[Revocable, str] = {}
        self.listener: GroupListener | None = None
        self.renewal: asyncio.Task | None = None
        self.lock = asyncio.Lock()

    async def handle(self, message: dict) -> None:
        user_id = message.get("user_id")
        for socket in list(self.sockets.get(user_id, ())):
            if message.get("session_key") and socket.session_key != message["session_key"]:
                continue
            if message.get("debate_id") and not socket.concerns(message["debate_id"]):
                continue
            await socket.revoke(message.get("code") or CLOSE_REVOKED)

    def capped(self, user_id: int) -> int:
        return sum(1 for socket in self.sockets.get(user_id, ()) if socket in self.leases)

    async def renew_leases(self) -> None:
        while True:
            await asyncio.sleep(shared_limits.SOCKET_LEASE_SECONDS / 3)
            members: dict[int, list[str]] = {}
            for socket, member in list(self.leases.items()):
                members.setdefault(socket.user_id, []).append(member)
            await shared_limits.renew(members)


_registries: dict[int, _Registry] = {}


def _registry() -> _Registry:
    # Keyed by event loop: a listener's task and channel belong to the loop that made them.
    key = id(asyncio.get_running_loop())
    registry = _registries.get(key)
    if registry is None:
        registry = _registries[key] = _Registry()
    return registry


def sockets_of(user_id: int) -> int:
    """How many sockets this process (this event loop) holds open for an account."""
    return len(_registry().sockets.get(user_id, ()))


async def register(socket: Revocable, *, cap: int | None = None) -> bool:
    """Keep an account's socket so that a revocation reaches it; the first one of the process
    starts the process's subscription to the revocation group. With ``cap``, the socket counts
    against its account's open sockets, on every process when Redis is configured
    (core.shared_limits), and is refused (False) when the account already holds ``cap``."""
    if socket.user_id is None:
        return True
    registry = _registry()
    if cap is not None:
        if registry.capped(socket.user_id) >= cap:
            return False
        member = f"{_PROCESS}:{uuid.uuid4().hex}"
        if await shared_limits.claim_socket(user_id=socket.user_id, member=member, limit=cap) is False:
            return False
        registry.leases[socket] = member
    registry.sockets.setdefault(socket.user_id, set()).add(socket)
    async with registry.lock:
        if registry.listener is None:
            registry.listener = GroupListener(REVOKE_GROUP, registry.handle, name="socket revocation")
            await registry.listener.start()
        if registry.renewal is None and shared_limits.configured():
            registry.renewal = asyncio.create_task(registry.renew_leases())
    return True


async def unregister(socket: Revocable) -> None:
    if socket.user_id is None:
        return
    registry = _registry()
    sockets = registry.sockets.get(socket.user_id)
    if sockets is not None:
        sockets.discard(socket)
        if not sockets:
            del registry.sockets[socket.user_id]
    member = registry.leases.pop(socket, None)
    if member is not None:
        await shared_limits.release_socket(user_id=socket.user_id, member=member)
    async with registry.lock:
        if not registry.sockets and registry.listener is not None:
            listener, registry.listener = registry.listener, None
            await listener.stop()
        if not registry.leases and registry.renewal is not None:
            registry.renewal, renewal = None, registry.renewal
            renewal.cancel()


def revoke_sockets(
    *, user_id: int, session_key: str | None = None, debate_id: int | None = None, code: int = CLOSE_REVOKED
) -> None:
    """Close, on every process, the open sockets of an account (of one session, of one room).
    Called after commit."""
    send_to_group(
        REVOKE_GROUP,
        {"type": REVOKE_TYPE, "user_id": user_id, "session_key": session_key, "debate_id": debate_id, "code": code},
    )
