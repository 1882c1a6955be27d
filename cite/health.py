"""``/healthz``: is every part the site needs reachable?"""

import asyncio
import uuid

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from cite.sockets import layer_degraded


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def _channel_layer() -> str:
    layer = get_channel_layer()

    async def round_trip():
        # A message to a fresh channel of our own, read back: proves send and receive work.
        channel = await layer.new_channel()
        token = uuid.uuid4().hex
        await layer.send(channel, {"type": "health.check", "token": token})
        message = await asyncio.wait_for(layer.receive(channel), timeout=2)
        return message.get("token") == token

    if not async_to_sync(round_trip)():
        return "error"
    # The layer answers again, but this process's rooms may not be subscribed yet: their
    # sockets get events only from the log until they are.
    return "degraded: subscriptions being restored" if layer_degraded() else "ok"


def _broker() -> str:
    from cite.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    return "ok"


@never_cache
@require_safe
def healthz(request):
    checks = {"database": _database, "channel_layer": _channel_layer}
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        checks["broker"] = _broker
    status = {}
    for name, check in checks.items():
        try:
            status[name] = check()
        except Exception as exc:  # any failure is reported, never raised: this is a probe
            status[name] = f"error: {exc.__class__.__name__}"
    healthy = all(value == "ok" for value in status.values())
    body = {"status": "ok" if healthy else "error", **status, "details": _details()}
    return JsonResponse(body, status=200 if healthy else 503)


def _details() -> dict:
    """What the apps report beyond reachability (settings.HEALTH_DETAILS). Kept cheap: the pact
    journal's detail hashes the chain only and repeats the last full check of the periodic task."""
    details = {}
    for name, path in settings.HEALTH_DETAILS.items():
        try:
            details[name] = import_string(path)()
        except Exception as exc:  # reported, never raised: this is a probe
            details[name] = {"status": f"error: {exc.__class__.__name__}"}
    return details
