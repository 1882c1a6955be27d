"""The only code that talks to the channel layer: events of a room, sent after commit.

Each process that has sockets in a room holds one subscription to the room's group
(``debates.fanout``); an event goes to that group once, already encoded, with its audience,
and each process hands the same text to its own sockets.
"""

from __future__ import annotations

import json

from channels.layers import get_channel_layer

from core.channels import group_send

EVENT_TYPE = "room.event"
EVERYONE = "all"
FACILITATORS = "facilitators"


def room_group(debate_id: int) -> str:
    return f"debate.{debate_id}"


def user_audience(user_id: int) -> str:
    return f"user:{user_id}"


def encode(frame: dict) -> str:
    return json.dumps(frame, ensure_ascii=False, separators=(",", ":"))


def _send(debate_id: int, frame: dict, audience: str) -> None:
    payload = {"type": EVENT_TYPE, "audience": audience, "seq": frame.get("seq"), "text": encode(frame)}
    group_send(room_group(debate_id), payload)


def room_event(debate_id: int, frame: dict) -> None:
    """A public event of the log (it carries its ``seq``)."""
    _send(debate_id, frame, EVERYONE)


def to_facilitators(debate_id: int, frame: dict) -> None:
    _send(debate_id, frame, FACILITATORS)


def to_user(debate_id: int, user_id: int, frame: dict) -> None:
    """To every socket of one account in this room, on whichever process it is connected."""
    _send(debate_id, frame, user_audience(user_id))


async def subscribe(debate_id: int, channel: str = "") -> str:
    """Subscribe a channel of this process (a new one by default) to the room's group; adding it
    again renews a membership that the layer would otherwise expire. Returns the channel name."""
    layer = get_channel_layer()
    channel = channel or await layer.new_channel()
    await layer.group_add(room_group(debate_id), channel)
    return channel


async def receive(channel: str) -> dict:
    return await get_channel_layer().receive(channel)


async def unsubscribe(debate_id: int, channel: str) -> None:
    await get_channel_layer().group_discard(room_group(debate_id), channel)
