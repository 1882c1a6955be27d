# --- Debates, participants and messages, made through the rooms' own services -----------------
import itertools
import uuid

import pytest

from debates import services as rooms
from debates.models import Debate
from tests.facilitation.conftest import NOW, context, seconds_ago  # noqa: F401 (shared fixtures)

_numbers = itertools.count(1)


@pytest.fixture
def make_debate(db):
    def make(*, facilitators=(), **fields):
        n = next(_numbers)
        debate = Debate.objects.create(
            title=fields.pop("title", f"Débat modéré {n}"),
            slug=fields.pop("slug", f"debat-modere-{n}"),
            question="Comment partager la place du marché ?",
            status=fields.pop("status", Debate.Status.OPEN),
            **fields,
        )
        debate.facilitators.set(facilitators)
        return debate

    return make


@pytest.fixture
def debate(make_debate, facilitator):
    return make_debate(facilitators=[facilitator])


@pytest.fixture
def post():
    """``post(user, debate, body)`` -> the Message, after accepting the charter."""

    def write(user, debate, body="Je propose que le marché ouvre plus tôt le samedi.", **kwargs):
        rooms.debate_accept_charter(actor=user, debate=debate)
        result = rooms.message_post(actor=user, debate=debate, client_id=uuid.uuid4(), body=body, **kwargs)
        return result.message

    return write


@pytest.fixture
def hold(post):
    """``hold(user, debate)`` -> a message held for review (an insult holds it)."""

    def write(user, debate, body="Ce projet est débile et toi aussi, connard."):
        message = post(user, debate, body, confirm=True)
        assert message.state == "held", message.state
        return message

    return write
