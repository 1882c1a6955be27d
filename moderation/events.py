"""The only code of the moderation app that talks to the channel layer: it tells the
facilitators' queue pages that a debate's queue changed, after commit. The pages then fetch
the queue again, so that what they show is always what the server renders."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

EVENT_TYPE = "moderation.event"
# Administrators and city agents follow every debate's queue; facilitators their debates'.
ALL_GROUP = "moderation.all"


def debate_group(debate_id: int) -> str:
    return f"moderation.debate.{debate_id}"


def _group_send(group: str, payload: dict) -> None:
    send = async_to_sync(get_channel_layer().group_send)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        send(group, payload)
        return
    # Called from a thread that runs an event loop (an async test harness): send from a helper.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(send, group, payload).result()


def queue_changed(debate_id: int) -> None:
    """The queue of ``debate_id`` changed: a message held, reported, decided, an appeal made…"""
    if get_channel_layer() is None:
        return
    payload = {"type": EVENT_TYPE, "debate_id": debate_id}
    _group_send(debate_group(debate_id), payload)
    _group_send(ALL_GROUP, payload)
