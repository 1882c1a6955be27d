"""The facilitation rules through the room's socket, as a resident uses it: the message's own
language decides, and facilitators switch reformulation mode from the room."""

import uuid

import pytest
from channels.db import database_sync_to_async

from debates import services
from debates.models import Message, RoomEvent
from moderation.corpus import default_rules
from moderation.models import FacilitationProfile

pytestmark = pytest.mark.django_db(transaction=True)


@database_sync_to_async
def prepare(debate, *users, interface="en"):
    """The debate runs the default profile's rules; the users accepted its charter."""
    profile = FacilitationProfile.objects.create(name="Corpus", slug=f"corpus-{debate.pk}", rules=default_rules())
    debate.profile = profile
    debate.save(update_fields=["profile"])
    for user in users:
        user.preferred_language = interface
        user.save(update_fields=["preferred_language"])
        services.debate_accept_charter(actor=user, debate=debate)


@database_sync_to_async
def stored(**filters):
    return list(Message.objects.filter(**filters).values_list("state", flat=True))


def post_frame(body, **fields):
    return {"type": "message.post", "client_id": str(uuid.uuid4()), "body": body, **fields}


@pytest.mark.parametrize(
    "body", ["Quel con ce maire", "le maire est une bite", "Encore un sale arabe devant la mairie."]
)
async def test_french_insult_from_an_english_interface_author_is_held(connect, debate, resident, facilitator, body):
    await prepare(debate, resident, interface="en")
    author = await connect(debate, resident)
    boss = await connect(debate, facilitator)

    await author.send(post_frame(body))

    assert (await author.receive_type("message.ack"))["status"] == "held"
    held = await boss.receive_type("message.held")
    assert held["rule"] == "insults"
    assert await stored(body=body) == ["held"]


async def test_threat_is_held_and_its_explanation_speaks_the_authors_language(connect, debate, resident, facilitator):
    await prepare(debate, resident, interface="en")
    author = await connect(debate, resident)
    boss = await connect(debate, facilitator)

    await author.send(post_frame("On sait où tu habites, fais gaffe."))

    assert (await author.receive_type("message.ack"))["status"] == "held"
    held = await boss.receive_type("message.held")
    assert held["rule"] == "threats"


async def test_civil_message_with_a_trap_word_is_published(connect, debate, resident):
    await prepare(debate, resident, interface="en")
    author = await connect(debate, resident)

    await author.send(post_frame("Il y a une bitte d'amarrage arrachée sur le quai du port."))

    assert (await author.receive_type("message.ack"))["status"] == "published"


async def test_facilitator_switches_reformulation_mode_from_the_room(
    connect, debate, resident, other_resident, facilitator
):
    await prepare(debate, resident, other_resident, interface="fr")
    author = await connect(debate, resident)
    answerer = await connect(debate, other_resident)
    boss = await connect(debate, facilitator)
    assert boss.state["room"]["reformulation_required"] is False
    await author.send(post_frame("Je propose d'ouvrir le marché dès sept heures le samedi."))
    first = await author.receive_type("message.ack")

    await boss.send({"type": "room.set_reformulation", "required": True})
    changed = await answerer.receive_type("reformulation.changed")
    assert changed["required"] is True and changed["seq"] > 0

    await answerer.send(post_frame("Non, huit heures c'est mieux.", reply_to=first["message_id"]))
    assert (await answerer.receive_type("error"))["code"] == "REFORMULATION_REQUIRED"
    await answerer.send(
        post_frame(
            "Non, huit heures c'est mieux.",
            reply_to=first["message_id"],
            reformulation="Tu veux que le marché ouvre à sept heures le samedi",
        )
    )
    assert (await answerer.receive_type("message.ack"))["status"] == "published"


@pytest.mark.parametrize("required", ["yes", 1, [True]])
async def test_reformulation_frame_with_a_bad_value_changes_nothing(connect, debate, facilitator, required):
    boss = await connect(debate, facilitator)

    await boss.send({"type": "room.set_reformulation", "required": required})

    assert (await boss.receive_type("error"))["code"] == "INVALID_FRAME"
    assert not await database_sync_to_async(RoomEvent.objects.filter(type="reformulation.changed").exists)()


async def test_reformulation_frame_from_a_resident_is_forbidden(connect, debate, resident):
    socket = await connect(debate, resident)

    await socket.send({"type": "room.set_reformulation", "required": True})

    assert (await socket.receive_type("error"))["code"] == "FORBIDDEN"
