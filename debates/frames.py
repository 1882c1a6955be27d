"""The JSON shapes of the protocol's server frames (docs/protocol.md), built from models."""

from __future__ import annotations

from django.utils.translation import gettext as _

from debates.models import Debate, HallSpeaker, Message
from debates.predicates import facilitator_ids
from facilitation.filters.labels import RULE_TEXT


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
        "lang": msg.language,
        "created_at": (msg.published_at or msg.created_at).isoformat(),
        "reply_to": msg.reply_to_id,
        "reformulation": msg.reformulation,
    }


def floor(debate: Debate) -> dict | None:
    """Who has the floor: a participant online (``user_id``) or a person in the hall
    (``hall_id``), until when, and the length of the time box in seconds."""
    if debate.floor_user_id:
        user_id, hall_id, name = debate.floor_user_id, None, debate.floor_user.public_name
    elif debate.floor_hall_speaker_id:
        user_id, hall_id, name = None, debate.floor_hall_speaker_id, debate.floor_hall_speaker.name
    else:
        return None
    seconds = None
    if debate.floor_until and debate.floor_since:
        seconds = round((debate.floor_until - debate.floor_since).total_seconds())
    return {
        "user_id": user_id,
        "hall_id": hall_id,
        "display_name": name,
        "until": debate.floor_until.isoformat() if debate.floor_until else None,
        "seconds": seconds,
    }


def queue(entries) -> list[dict]:
    """The speaking queue; an entry is a participant online or a person present in the hall."""
    return [
        {
            "user_id": None if isinstance(p, HallSpeaker) else p.user_id,
            "hall_id": p.pk if isinstance(p, HallSpeaker) else None,
            "display_name": p.name if isinstance(p, HallSpeaker) else p.user.public_name,
            "present": isinstance(p, HallSpeaker),
            "raised_at": p.hand_raised_at.isoformat(),
            "spoken_count": p.spoken_count,
        }
        for p in entries
    ]


def rule_label(rule: str) -> str:
    """The name facilitators read for the rule that held a message (its code otherwise)."""
    if rule == "under_review":
        return _("Review period set by a facilitator")
    text = RULE_TEXT.get(rule)
    return str(text[0]) if text else rule


def held(msg: Message, debate: Debate) -> dict:
    """A message waiting for review, as facilitators see it."""
    return {**message(msg, debate), "rule": msg.rule}


def rule_labels() -> dict[str, str]:
    """Every rule's name in the current language, for the room script (the frames carry codes:
    one frame goes to facilitators who read different languages)."""
    return {code: rule_label(code) for code in [*RULE_TEXT, "under_review"]}


def mode(debate: Debate) -> dict:
    return {"mode": debate.mode, "slow_seconds": debate.slow_seconds, "status": debate.status}
