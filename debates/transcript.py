"""The transcript of a debate as data (JSON download) — the HTML one is a template."""

from django.conf import settings

from debates.models import Debate, Message
from debates.predicates import facilitator_ids


def transcript_data(*, debate: Debate, messages: list[Message]) -> dict:
    """Public content only: display names, never e-mail addresses or account ids."""
    facilitators = facilitator_ids(debate)
    return {
        "debate": {
            "title": debate.title,
            "question": debate.question,
            "url": settings.SITE_URL + debate.get_absolute_url(),
            "status": debate.status,
            "closed_at": debate.closed_at.isoformat() if debate.closed_at else None,
            "synthesis": debate.synthesis or None,  # open data: null, never "", for "none"
        },
        "messages": [
            {
                "id": m.pk,
                "seq": m.seq,
                "author": m.author.public_name,
                "role": "facilitator" if m.author_id in facilitators else "participant",
                "published_at": (m.published_at or m.created_at).isoformat(),
                "reply_to": m.reply_to_id,
                "state": m.state,
                "body": m.body if m.state == Message.State.PUBLISHED else None,
                "reformulation": (m.reformulation or None) if m.state == Message.State.PUBLISHED else None,
                "hidden_reason": (m.reason or None) if m.state == Message.State.HIDDEN else None,
            }
            for m in messages
        ],
    }
