"""The only code that talks to the channel layer: events of a room, sent after commit.

Each process that has sockets in a room holds one subscription to the room's group
(``debates.fanout``); an event goes to that group once, already encoded, with its audience,
and each process hands the same text to its own sockets.
"""

from __future__ import annotations

import json

from cite.sockets import send_to_group

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
    # A layer that is down does not undo the committed change: the event is in the room's log,
    # and every hub reads the log when the layer comes back (and once per heartbeat interval).
    payload = {"type": EVENT_TYPE, "audience": audience, "seq": frame.get("seq"), "text": encode(frame)}
    send_to_group(room_group(debate_id), payload)


def room_event(debate_id: int, frame: dict) -> None:
    """A public event of the log (it carries its ``seq``)."""
    _send(debate_id, frame, EVERYONE)


def to_facilitators(debate_id: int, frame: dict) -> None:
    _send(debate_id, frame, FACILITATORS)


def to_user(debate_id: int, user_id: int, frame: dict) -> None:
    """To every socket of one account in this room, on whichever process it is connected."""
    _send(debate_id, frame, user_audience(user_id))
