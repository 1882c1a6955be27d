"""Reads of the debates app that span relations or depend on who asks."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from debates.models import Debate, DebateSession, HallSpeaker, Message, Participation, RoomEvent


def _listed() -> QuerySet[Debate]:
    return Debate.objects.filter(visibility=Debate.Visibility.PUBLIC)


def debates_for_engagement(*, engagement_id: int, user) -> list[Debate]:
    """Public debates linked to an engagement page, open first, then upcoming, then closed."""
    debates = list(_listed().filter(engagement_id=engagement_id).exclude(status=Debate.Status.ARCHIVED))
    order: dict[str, int] = {Debate.Status.OPEN: 0, Debate.Status.SCHEDULED: 1, Debate.Status.CLOSED: 2}
    return sorted(debates, key=lambda d: (order.get(d.status, 3), -d.created_at.timestamp()))


def debates_for_home(*, user, limit: int) -> list[Debate]:
    """Open and upcoming public debates, open ones first."""
    debates = (
        _listed().filter(status__in=[Debate.Status.OPEN, Debate.Status.SCHEDULED]).order_by("status", "-created_at")
    )
    # "open" sorts before "scheduled" alphabetically, which is the order wanted.
    return list(debates[:limit])


def debates_index() -> dict[str, list[Debate]]:
    """The three lists of /debats/: open, upcoming (with their coming sessions), closed."""
    now = timezone.now()
    coming = Prefetch(
        "sessions", queryset=DebateSession.objects.filter(ends_at__gte=now).order_by("starts_at"), to_attr="coming"
    )
    debates = list(
        _listed().exclude(status=Debate.Status.ARCHIVED).select_related("engagement").prefetch_related(coming)
    )
    return {
        "open": [d for d in debates if d.status == Debate.Status.OPEN],
        "upcoming": sorted(
            (d for d in debates if d.status == Debate.Status.SCHEDULED),
            key=lambda d: d.coming[0].starts_at if d.coming else now + timedelta(days=3650),
        ),
        "closed": sorted(
            (d for d in debates if d.status == Debate.Status.CLOSED),
            key=lambda d: d.closed_at or d.created_at,
            reverse=True,
        ),
    }


# Sessions stay in the calendars for a year after they end, so that subscribed calendars keep them.
CALENDAR_HISTORY = timedelta(days=365)


def calendar_sessions(*, debate: Debate | None = None) -> QuerySet[DebateSession]:
    """Sessions for the calendars: the coming ones and those of the past year, of public debates
    (or of ``debate``, which the caller may show), oldest first."""
    sessions = DebateSession.objects.filter(ends_at__gte=timezone.now() - CALENDAR_HISTORY).select_related("debate")
    if debate is None:
        sessions = sessions.filter(debate__visibility=Debate.Visibility.PUBLIC)
    else:
        sessions = sessions.filter(debate=debate)
    return sessions.order_by("starts_at", "pk")


def transcript(*, debate: Debate) -> list[Message]:
    """Published and hidden messages in the order they became public (hidden ones are tombstones)."""
    return list(
        debate.messages.filter(state__in=[Message.State.PUBLISHED, Message.State.HIDDEN], seq__isnull=False)
        .select_related("author")
        .order_by("seq")
    )


def speaking_queue(*, debate: Debate) -> list[Participation | HallSpeaker]:
    """Raised hands, online and in the hall in one queue: those who have not spoken yet first,
    then those who spoke least, then by the time the hand went up."""
    online: list[Participation | HallSpeaker] = list(
        debate.participations.filter(hand_raised_at__isnull=False).select_related("user")
    )
    present: list[Participation | HallSpeaker] = list(debate.hall_speakers.filter(hand_raised_at__isnull=False))
    return sorted(online + present, key=lambda p: (p.spoken_count, p.hand_raised_at, p.pk))


def held_of_author(*, debate: Debate, user) -> list[Message]:
    """The author's own messages waiting for review: they see them in the thread until decided."""
    if not user or not user.is_authenticated:
        return []
    return list(
        debate.messages.filter(state=Message.State.HELD, author=user).select_related("author").order_by("created_at")
    )


def last_published(*, debate: Debate, limit: int) -> list[Message]:
    """The room's latest public messages, oldest first (the hall screen)."""
    latest = (
        debate.messages.filter(state=Message.State.PUBLISHED, seq__isnull=False)
        .select_related("author")
        .order_by("-seq")[:limit]
    )
    return list(reversed(latest))


def held_messages(*, debate: Debate) -> list[Message]:
    return list(debate.messages.filter(state=Message.State.HELD).select_related("author").order_by("created_at"))


def room_events(*, debate_id: int, after: int, upto: int | None = None) -> list[dict]:
    """The room's events after ``after`` (up to ``upto``), as the frames that were sent.

    A message hidden since it was published keeps its place in the log, but its text is not
    sent again: the later ``message.hidden`` event turns it into a tombstone.
    """
    events = RoomEvent.objects.filter(debate_id=debate_id, seq__gt=after).order_by("seq")
    if upto is not None:
        events = events.filter(seq__lte=upto)
    frames = [event.payload for event in events]
    new_ids = [f["message"]["id"] for f in frames if f.get("type") == "message.new"]
    if new_ids:
        hidden = set(
            Message.objects.filter(pk__in=new_ids).exclude(state=Message.State.PUBLISHED).values_list("pk", flat=True)
        )
        for i, frame in enumerate(frames):
            if frame.get("type") == "message.new" and frame["message"]["id"] in hidden:
                frames[i] = {**frame, "message": {**frame["message"], "body_html": "", "reformulation": ""}}
    return frames


def participation_of(*, debate: Debate, user) -> Participation | None:
    if not user or not user.is_authenticated:
        return None
    return Participation.objects.filter(debate=debate, user=user).first()


def followers_of(*, debate: Debate):
    return debate.participations.filter(following=True, user__is_active=True).filter(~Q(user__email=""))


def _standing_queryset(debate_id: int, user_id: int) -> QuerySet:
    from allauth.account.models import EmailAddress

    from accounts.models import User

    participation = Participation.objects.filter(debate_id=debate_id, user_id=OuterRef("pk"))
    return (
        User.objects.filter(pk=user_id)
        .annotate(
            facilitates=Exists(Debate.facilitators.through.objects.filter(debate_id=debate_id, user_id=OuterRef("pk"))),
            verified=Exists(
                EmailAddress.objects.filter(user_id=OuterRef("pk"), email__iexact=OuterRef("email"), verified=True)
            ),
            charter_accepted_at=Subquery(participation.values("charter_accepted_at")[:1]),
            muted_until=Subquery(participation.values("muted_until")[:1]),
            hand_raised_at=Subquery(participation.values("hand_raised_at")[:1]),
            # Whether ``held_of_author`` has anything to read: most joins need not ask.
            has_held=Exists(
                Message.objects.filter(debate_id=debate_id, author_id=OuterRef("pk"), state=Message.State.HELD)
            ),
        )
        .values("facilitates", "verified", "charter_accepted_at", "muted_until", "hand_raised_at", "has_held")[:1]
    )


# Markers that cannot be real keys, replaced by the real ones in the compiled query's parameters.
_DEBATE_MARK, _USER_MARK = -7_000_000_001, -7_000_000_002
_standing_compiled: dict[str, tuple] = {}


def _standing_statement(alias: str) -> tuple:
    """The standing query compiled once per database: building and compiling it (four
    subqueries) cost more than running it, for every socket of a crowd joining a room."""
    compiled = _standing_compiled.get(alias)
    if compiled is None:
        query = _standing_queryset(_DEBATE_MARK, _USER_MARK).query
        compiler = query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        converters = compiler.get_converters([column for column, _sql, _alias in compiler.select])
        names = list(query.values_select) + list(query.annotation_select)
        compiled = _standing_compiled[alias] = (sql, tuple(params), converters, names)
    return compiled


def standing_in_room(*, debate: Debate, user) -> dict:
    """What a socket needs to know about its account in a room, in one query: facilitator or
    not, verified address, the participation's charter, mute and raised hand, and whether the
    account has messages held for review."""
    from django.db import connections, router

    from accounts.models import User

    alias = router.db_for_read(User)
    sql, params, converters, names = _standing_statement(alias)
    marks = {_DEBATE_MARK: debate.pk, _USER_MARK: user.pk}
    connection = connections[alias]
    with connection.cursor() as cursor:
        cursor.execute(sql, [marks.get(p, p) if isinstance(p, int) else p for p in params])
        row = cursor.fetchone()
    if row is None:
        return {}
    row = list(row)
    for position, (functions, expression) in converters.items():
        for convert in functions:
            row[position] = convert(row[position], expression, connection)
    return dict(zip(names, row, strict=True))
