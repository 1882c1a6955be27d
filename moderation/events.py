"""The only code of the moderation app that talks to the channel layer: it tells the
facilitators' queue pages that a debate's queue changed, after commit. The pages then fetch
the queue again, so that what they show is always what the server renders."""

from __future__ import annotations

from core.sockets import send_to_group

EVENT_TYPE = "moderation.event"
# Administrators and city agents follow every debate's queue; facilitators their debates'.
ALL_GROUP = "moderation.all"


def debate_group(debate_id: int) -> str:
    return f"moderation.debate.{debate_id}"


def queue_changed(debate_id: int) -> None:
    """The queue of ``debate_id`` changed: a message held, reported, decided, an appeal made…"""
    payload = {"type": EVENT_TYPE, "debate_id": debate_id}
    send_to_group(debate_group(debate_id), payload)
    send_to_group(ALL_GROUP, payload)
