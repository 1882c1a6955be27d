"""The one helper that sends to the channel layer from synchronous code (services, after commit)."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer


def group_send(group: str, payload: dict) -> None:
    """Send ``payload`` to ``group``; nothing when no channel layer is configured."""
    layer = get_channel_layer()
    if layer is None:
        return
    send = async_to_sync(layer.group_send)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        send(group, payload)
        return
    # Synchronous code running in a thread that also runs an event loop (a command driven by
    # an async harness) cannot block on that loop: send from a helper thread.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(send, group, payload).result()
