"""The JSON shapes of the protocol's server frames (docs/protocol.md), built from models."""

from __future__ import annotations

from debates.models import Debate, Message
from debates.predicates import facilitator_ids


def author(user, debate: Debate) -> dict:
    return {
        "id": user.pk,
        "display_name": user.public_name,
        "role": "facilitator" if user.pk in facilitator_ids(debate) else "participant",
    }


def message(msg: Message, debate: Debate) -> dict:
    return {
        "id": msg.pk,
        "author": author(msg.author, debate),
        "body_html": msg.body_html,
        "created_at": (msg.published_at or msg.created_at).isoformat(),
        "reply_to": msg.reply_to_id,
        "reformulation": msg.reformulation,
    }


def floor(debate: Debate) -> dict | None:
    if not debate.floor_user_id:
        return None
    return {
        "user_id": debate.floor_user_id,
        "display_name": debate.floor_user.public_name,
        "until": debate.floor_until.isoformat() if debate.floor_until else None,
    }


def queue(participations) -> list[dict]:
    return [
        {
            "user_id": p.user_id,
            "display_name": p.user.public_name,
            "raised_at": p.hand_raised_at.isoformat(),
            "spoken_count": p.spoken_count,
        }
        for p in participations
    ]


def mode(debate: Debate) -> dict:
    return {"mode": debate.mode, "slow_seconds": debate.slow_seconds, "status": debate.status}
