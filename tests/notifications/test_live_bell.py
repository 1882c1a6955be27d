"""The bell follows the room's socket: a reply to my message updates my count live, and only
mine; no socket of its own, no polling."""

import uuid

import pytest
from channels.db import database_sync_to_async

from debates import services
from tests.debates.conftest import connect  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


@database_sync_to_async
def _join(user, debate):
    services.debate_accept_charter(actor=user, debate=debate)


async def test_a_reply_updates_the_authors_bell_live_and_no_one_elses(
    connect,  # noqa: F811
    debate,
    resident,
    other_resident,
):
    await _join(resident, debate)
    await _join(other_resident, debate)
    author = await connect(debate, resident)
    replier = await connect(debate, other_resident)
    await author.send({"type": "message.post", "client_id": str(uuid.uuid4()), "body": "Des bancs, s’il vous plaît."})
    ack = await author.receive_type("message.ack")
    await replier.receive_type("message.new")
    await replier.send(
        {"type": "message.post", "client_id": str(uuid.uuid4()), "body": "D’accord !", "reply_to": ack["message_id"]}
    )
    bell = await author.receive_type("notifications.unread")
    assert bell["count"] == 1
    assert "1" in bell["text"]
    await replier.receive_type("message.ack")
    frames = list(replier.skipped)
    while not await replier.nothing():
        frames.append(await replier.receive())
    assert "notifications.unread" not in {frame["type"] for frame in frames}
