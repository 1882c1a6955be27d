"""Open data: the sessions of the public debates as CSV (schema in docs/open-data.md). Unlisted
debates are left out: their link is given to some people only."""

from collections.abc import Iterator

from django.db.models import QuerySet

from debates.calendar import session_uid
from debates.models import Debate, DebateSession

# The column names are a public contract: add columns at the end, never rename or remove one.
SESSION_COLUMNS = [
    "id",
    "uid",
    "debate_slug",
    "debate_title",
    "debate_question",
    "debate_status",
    "engagement_number",
    "title",
    "starts_at",
    "ends_at",
    "location",
    "url",
    "updated_at",
]


def public_sessions() -> QuerySet[DebateSession]:
    """Every session of a public debate, past and coming, in time order (one query)."""
    return (
        DebateSession.objects.filter(debate__visibility=Debate.Visibility.PUBLIC)
        .select_related("debate", "debate__engagement")
        .order_by("starts_at", "pk")
    )


def session_rows(sessions, *, base_url: str) -> Iterator[dict]:
    for session in sessions:
        debate = session.debate
        engagement = debate.engagement
        yield {
            "id": session.pk,
            "uid": session_uid(session),
            "debate_slug": debate.slug,
            "debate_title": debate.title,
            "debate_question": debate.question or None,
            "debate_status": debate.status,
            "engagement_number": engagement.number if engagement else None,
            "title": session.title or None,
            "starts_at": session.starts_at,
            "ends_at": session.ends_at,
            "location": session.location or None,
            "url": base_url + debate.get_absolute_url(),
            "updated_at": session.updated_at,
        }
