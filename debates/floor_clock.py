"""The room's clock: ends a speaking turn when its time box runs out and tells the room.

The floor's end is stored on the debate (``floor_until``), so posting is refused at the right
time whatever happens here; the clock is what makes everyone *see* the turn end. Each process
that has sockets in a room keeps one timer for that room, set from the ``floor.changed`` events
its hub delivers and from the state a new socket reads. Several processes (several daphne
behind Redis) each fire their timer; ``services.floor_expire`` takes the debate's row lock and
only the first finds a turn to end, so the room gets exactly one ``floor.changed``. A process
restarted in the middle of a turn sets its timer again when the first socket reconnects.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from datetime import datetime

from channels.db import database_sync_to_async
from django.utils import timezone

logger = logging.getLogger(__name__)

FLOOR_CHANGED = '{"type":"floor.changed"'
# Fired a little after the end, so that the database's clock has passed it too.
MARGIN_SECONDS = 0.2

_timers: dict[tuple[int, int], tuple[datetime, asyncio.Task]] = {}


def _key(debate_id: int) -> tuple[int, int]:
    # Per event loop, like the hubs: a task belongs to the loop that made it.
    return (id(asyncio.get_running_loop()), debate_id)


def watch(debate_id: int, until: datetime | None) -> None:
    """Expect the turn of ``debate_id`` to end at ``until`` (None: no turn running)."""
    key = _key(debate_id)
    current = _timers.get(key)
    if current is not None:
        if until is not None and current[0] == until and not current[1].done():
            return
        current[1].cancel()
        del _timers[key]
    if until is not None:
        _timers[key] = (until, asyncio.get_running_loop().create_task(_expire_at(debate_id, until)))


def observe(debate_id: int, text: str) -> None:
    """Called by the room's hub for each public event: follow the floor's changes."""
    if not text.startswith(FLOOR_CHANGED):
        return
    try:
        floor = json.loads(text).get("floor")
        until = datetime.fromisoformat(floor["until"]) if floor and floor.get("until") else None
    except (ValueError, TypeError, KeyError):
        return
    watch(debate_id, until)


async def _expire_at(debate_id: int, until: datetime) -> None:
    from debates import services

    delay = (until - timezone.now()).total_seconds() + MARGIN_SECONDS
    if delay > 0:
        await asyncio.sleep(delay)
    key = _key(debate_id)
    with contextlib.suppress(KeyError):
        if _timers[key][1] is asyncio.current_task():
            del _timers[key]
    try:
        still_running = await database_sync_to_async(services.floor_expire)(debate_id=debate_id)
    except Exception:  # the next socket or event sets the timer again
        logger.exception("room %s: the speaking turn could not be ended", debate_id)
        return
    if still_running is not None and key not in _timers:
        watch(debate_id, still_running)


def pending() -> int:
    """How many rooms this process is timing (tests and diagnostics)."""
    return sum(1 for _until, task in _timers.values() if not task.done())
