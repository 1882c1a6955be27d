"""Limits that hold across every server process, counted in Redis when it is configured.

Each daphne process sees only its own sockets; a client spreading its sockets and frames over
several processes would get each process's allowance. With ``SOCKET_LIMITS_REDIS_URL`` set
(production: the site's Redis), frame budgets and the open sockets of each account are counted
in Redis, atomically, by small Lua scripts (one round trip each). Without it (the embedded mode,
one process), or while Redis does not answer, the callers keep counting in their own process:
a Redis outage loosens the limits to one process's worth, it never refuses everyone.

- Budgets are fixed windows (``INCR`` with an expiry): at most ``limit`` frames per window of
  ``seconds`` and key, so at most twice that around a window's boundary.
- Sockets are members of a sorted set per account, scored by when they expire: a process that
  dies without saying goodbye stops counting after ``SOCKET_LEASE_SECONDS``; live processes
  renew their sockets' leases (``renew``) well before that.
"""

from __future__ import annotations

import asyncio
import logging
import time

from django.conf import settings

logger = logging.getLogger(__name__)

SOCKET_LEASE_SECONDS = 60

# KEYS: budget keys, in order; ARGV[1]: window in ms, ARGV[2..]: each key's limit. Counts the
# frame against each key in turn and stops at the first one over its limit: returns the ms
# until that window ends, or 0.
_TAKE = """
for i, key in ipairs(KEYS) do
  local n = redis.call('INCR', key)
  if n == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
  if n > tonumber(ARGV[i + 1]) then
    local left = redis.call('PTTL', key)
    if left < 0 then redis.call('PEXPIRE', key, ARGV[1]); left = tonumber(ARGV[1]) end
    return left
  end
end
return 0
"""

# KEYS[1]: the account's sockets; ARGV: now, lease end, limit, member, lease seconds. Adds the member unless
# the account already holds ``limit`` live sockets: returns 1 if added, else 0.
_CLAIM = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
redis.call('EXPIRE', KEYS[1], 2 * tonumber(ARGV[5]))
return 1
"""

_clients: dict[int, object] = {}


def configured() -> bool:
    return bool(getattr(settings, "SOCKET_LIMITS_REDIS_URL", ""))


def _client():
    # redis.asyncio connections belong to the event loop that opened them.
    key = id(asyncio.get_running_loop())
    client = _clients.get(key)
    if client is None:
        import redis.asyncio as redis

        client = redis.Redis.from_url(settings.SOCKET_LIMITS_REDIS_URL, socket_connect_timeout=0.5, socket_timeout=0.5)
        client.take = client.register_script(_TAKE)
        client.claim = client.register_script(_CLAIM)
        _clients[key] = client
    return client


_last_warning = 0.0


def _unreachable(what: str, error: Exception) -> None:
    global _last_warning
    now = time.monotonic()
    if now - _last_warning > 60:  # one line a minute during an outage, not one per frame
        _last_warning = now
        logger.warning("shared limits unavailable (%s), counting in this process: %r", what, error)


async def take(budgets: list[tuple[str, int]], seconds: float) -> float | None:
    """Count one frame against each ``(key, limit)`` budget, across processes. Returns 0 when
    allowed, else the seconds to wait; None when Redis is not configured or does not answer."""
    if not configured() or not budgets:
        return None
    try:
        left = await _client().take(
            keys=[f"limits:budget:{key}" for key, _limit in budgets],
            args=[int(seconds * 1000), *(limit for _key, limit in budgets)],
        )
    except Exception as error:
        _unreachable("frame budgets", error)
        return None
    return int(left) / 1000


async def claim_socket(*, user_id: int, member: str, limit: int) -> bool | None:
    """Count a socket of ``user_id`` if the account holds fewer than ``limit`` on every process.
    True if counted, False if refused, None when Redis is not configured or does not answer."""
    if not configured():
        return None
    now = time.time()
    try:
        added = await _client().claim(
            keys=[f"limits:sockets:{user_id}"],
            args=[now, now + SOCKET_LEASE_SECONDS, limit, member, SOCKET_LEASE_SECONDS],
        )
    except Exception as error:
        _unreachable("sockets per account", error)
        return None
    return bool(added)


async def release_socket(*, user_id: int, member: str) -> None:
    if not configured():
        return
    try:
        await _client().zrem(f"limits:sockets:{user_id}", member)
    except Exception as error:  # the lease expires by itself
        _unreachable("sockets per account", error)


async def renew(members: dict[int, list[str]]) -> None:
    """Extend the leases of this process's sockets (``user_id`` → members), in one round trip."""
    if not configured() or not members:
        return
    until = time.time() + SOCKET_LEASE_SECONDS
    try:
        async with _client().pipeline(transaction=False) as pipe:
            for user_id, names in members.items():
                # XX: never bring back a socket that was released meanwhile.
                pipe.zadd(f"limits:sockets:{user_id}", dict.fromkeys(names, until), xx=True)
                pipe.expire(f"limits:sockets:{user_id}", 2 * SOCKET_LEASE_SECONDS)
            await pipe.execute()
    except Exception as error:
        _unreachable("renewing socket leases", error)
