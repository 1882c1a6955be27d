"""Frame budgets of the live room, shared by the sockets of one process.

A connection has its budget, and so have an account and an address across all their sockets:
opening more sockets does not buy more frames. Frames refused for their size are counted too.
The budgets are per process (each daphne process counts what it receives), which is exact in
the embedded mode and bounds what one client can do through each process in production.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque

from django.conf import settings


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


def take_shared(*, user_id: int | None, address: str | None) -> float:
    """Count a frame against its account's and its address's budgets. Returns 0 when allowed,
    else the seconds to wait (and the frame is not counted against the other budget)."""
    budgets = _shared()
    if user_id is not None:
        wait = budgets.take("account", user_id, settings.DEBATES_RATE_ACCOUNT_FRAMES)
        if wait:
            return wait
    if address:
        return budgets.take("address", address, settings.DEBATES_RATE_ADDRESS_FRAMES)
    return 0.0
