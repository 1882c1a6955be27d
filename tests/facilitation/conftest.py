"""A message context as the posting service builds it, at a fixed time."""

from datetime import UTC, datetime, timedelta

import pytest

from facilitation.pipeline import MessageContext

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
