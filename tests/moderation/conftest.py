from datetime import UTC, datetime, timedelta

import pytest

from moderation.pipeline import MessageContext

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


@pytest.fixture
def context():
    """``context(body, **fields)`` -> a MessageContext at a fixed time, as the posting service builds it."""

    def build(body: str, **fields) -> MessageContext:
        fields.setdefault("now", NOW)
        return MessageContext(body=body, author_id=1, debate_id=1, **fields)

    return build


def seconds_ago(*seconds: float) -> tuple[datetime, ...]:
    return tuple(NOW - timedelta(seconds=s) for s in seconds)


# --- Debates, participants and messages, made through the rooms' own services -----------------

import itertools  # noqa: E402
import uuid  # noqa: E402

from debates import services as rooms  # noqa: E402
from debates.models import Debate  # noqa: E402

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
