"""Frame budgets of the live room, shared by the sockets of an account and of an address.

A connection has its budget, and so have an account and an address across all their sockets:
opening more sockets does not buy more frames. Frames refused for their size are counted too.
With Redis configured the account's and the address's budgets are counted there, across every
server process (core.shared_limits); in the embedded mode, or while Redis does not answer,
each process counts what it receives (sliding windows, below).
"""

from __future__ import annotations

import asyncio
import time
from collections import deque

from django.conf import settings

from core import shared_limits


class Window:
    """At most ``limit`` hits in any ``seconds``-long sliding window."""

    __slots__ = ("hits",)

    def __init__(self):
        self.hits: deque[float] = deque()

    def take(self, now: float, limit: int, seconds: float) -> float:
        """Count one hit and return 0, or return how many seconds until one is allowed."""
        while self.hits and now - self.hits[0] >= seconds:
            self.hits.popleft()
        if len(self.hits) >= limit:
            return seconds - (now - self.hits[0])
        self.hits.append(now)
        return 0.0


class _Budgets:
    def __init__(self):
        self.windows: dict[tuple[str, object], Window] = {}
        self.swept = time.monotonic()

    def take(self, kind: str, key: object, limit: int) -> float:
        now = time.monotonic()
        seconds = settings.DEBATES_RATE_WINDOW_SECONDS
        if now - self.swept > seconds:  # forget those who went quiet
            self.windows = {k: w for k, w in self.windows.items() if w.hits and now - w.hits[-1] < seconds}
            self.swept = now
        window = self.windows.get((kind, key))
        if window is None:
            window = self.windows[(kind, key)] = Window()
        return window.take(now, limit, seconds)


_budgets: dict[int, _Budgets] = {}


def _shared() -> _Budgets:
    # Keyed by event loop, like the room hubs: each loop is one server's worth of sockets.
    key = id(asyncio.get_running_loop())
    budgets = _budgets.get(key)
    if budgets is None:
        budgets = _budgets[key] = _Budgets()
    return budgets


async def take_shared(*, user_id: int | None, address: str | None) -> float:
    """Count a frame against its account's and its address's budgets. Returns 0 when allowed,
    else the seconds to wait (and the frame is not counted against the other budget)."""
    keyed = []
    if user_id is not None:
        keyed.append((f"account:{user_id}", settings.DEBATES_RATE_ACCOUNT_FRAMES))
    if address:
        keyed.append((f"address:{address}", settings.DEBATES_RATE_ADDRESS_FRAMES))
    wait = await shared_limits.take(keyed, settings.DEBATES_RATE_WINDOW_SECONDS)
    if wait is not None:
        return wait
    budgets = _shared()
    for key, limit in keyed:
        kind, _sep, name = key.partition(":")
        wait = budgets.take(kind, name, limit)
        if wait:
            return wait
    return 0.0
