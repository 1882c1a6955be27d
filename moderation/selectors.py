"""Reads of the moderation app: the facilitators' queue, the participants a user muted, and
whether a participant's messages are under review."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, Min, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from debates.models import Debate, Message, Report

from . import escalation
from .models import Appeal, ModerationAction, PersonalMute

Kind = ModerationAction.Kind


def debates_moderated_by(*, user) -> QuerySet[Debate]:
    """The debates whose queue ``user`` sees: all for administrators, else those they facilitate."""
    if not user.is_authenticated:
        return Debate.objects.none()
    if user.is_superuser:
        return Debate.objects.all()
    return Debate.objects.filter(facilitators=user)


@dataclass
class Queue:
    held: list[Message] = field(default_factory=list)
    reported: list[Message] = field(default_factory=list)
    appeals: list[Appeal] = field(default_factory=list)
    # participant id → (number of previous actions, next rung or None), per debate id.
    history: dict[tuple[int, int], tuple[int, str | None]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.held) + len(self.reported) + len(self.appeals)


def _reported(debates: QuerySet[Debate]) -> QuerySet[Message]:
    """Reported messages still waiting for a person's decision: published ones that some
    reported, and those hidden automatically, with no human action since their last report."""
    last_report = Subquery(
        Report.objects.filter(message=OuterRef("pk")).order_by("-created_at").values("created_at")[:1]
    )
    decided = ModerationAction.objects.filter(
        message=OuterRef("pk"), automatic=False, created_at__gte=OuterRef("last_report")
    )
    return (
        Message.objects.filter(debate__in=debates)
        .filter(Q(state=Message.State.PUBLISHED) | Q(state=Message.State.HIDDEN, hidden_by=Message.HiddenBy.AUTOMATIC))
        .annotate(last_report=last_report)
        .filter(last_report__isnull=False)
        .annotate(
            decided=Exists(decided),
            report_count=Count("reports", distinct=True),
            first_report=Min("reports__created_at"),
        )
        .filter(decided=False)
        .select_related("debate", "author")
        .prefetch_related(Prefetch("reports", queryset=Report.objects.order_by("created_at")))
        .order_by("first_report")
    )


def reported_in(*, debate: Debate) -> list[Message]:
    """The reported messages of one debate still waiting for a person (the room's console)."""
    return list(_reported(Debate.objects.filter(pk=debate.pk)))


def appeals_for(*, user) -> list[Appeal]:
    """Pending appeals ``user`` may decide (never those against their own actions)."""
    if not user.is_authenticated:
        return []
    appeals = (
        Appeal.objects.filter(status=Appeal.Status.PENDING)
        .exclude(action__actor=user)
        .select_related("action__debate", "action__message", "appellant")
        .order_by("created_at")
    )
    if not (user.is_superuser or user.has_perm("moderation.view_all_appeals")):
        appeals = appeals.filter(action__debate__facilitators=user)
    return list(appeals)


def participants_history(*, pairs: set[tuple[int, int]]) -> dict[tuple[int, int], tuple[int, str | None]]:
    """For (debate id, participant id) pairs: how many previous actions concern them there, and
    the rung of the escalation ladder to offer next. One query whatever the number of pairs."""
    if not pairs:
        return {}
    debate_ids = {d for d, _u in pairs}
    user_ids = {u for _d, u in pairs}
    kinds: dict[tuple[int, int], list[str]] = defaultdict(list)
    rows = (
        ModerationAction.objects.filter(debate_id__in=debate_ids, target_id__in=user_ids, kind__in=escalation.COUNTED)
        .exclude(appeal_made__status=Appeal.Status.UPHELD)
        .values_list("debate_id", "target_id", "kind")
    )
    for debate_id, user_id, kind in rows:
        kinds[(debate_id, user_id)].append(kind)
    return {pair: (len(kinds[pair]), escalation.next_step(kinds[pair])) for pair in pairs}


def queue_for(*, user) -> Queue:
    """The facilitators' queue of ``user``: held messages, reported messages and appeals, across
    the debates they facilitate (all for administrators). A fixed number of queries."""
    debates = debates_moderated_by(user=user)
    held = list(
        Message.objects.filter(debate__in=debates, state=Message.State.HELD)
        .select_related("debate", "author")
        .order_by("created_at")
    )
    reported = list(_reported(debates))
    pairs = {(m.debate_id, m.author_id) for m in [*held, *reported]}
    queue = Queue(held=held, reported=reported, appeals=appeals_for(user=user))
    queue.history = participants_history(pairs=pairs)
    for message in [*held, *reported]:
        message.previous_actions, message.next_step = queue.history.get(
            (message.debate_id, message.author_id), (0, None)
        )
        message.next_step_label = escalation.STEP_LABELS.get(message.next_step, "")
    return queue


def muted_ids(*, user) -> set[int]:
    """The participants ``user`` muted for themselves."""
    if not user or not user.is_authenticated:
        return set()
    return set(PersonalMute.objects.filter(owner=user).values_list("muted_id", flat=True))


def personal_mutes(*, user) -> list[PersonalMute]:
    return list(PersonalMute.objects.filter(owner=user).select_related("muted").order_by("-created_at"))


def under_review(*, debate_id: int, user_id: int) -> bool:
    """Whether a facilitator placed the participant's messages under review and the period
    has not ended (an upheld appeal ends it)."""
    now = timezone.now()
    reviews = (
        ModerationAction.objects.filter(debate_id=debate_id, target_id=user_id, kind=Kind.REVIEW)
        .exclude(appeal_made__status=Appeal.Status.UPHELD)
        .values_list("created_at", "minutes")
    )
    return any(created + timezone.timedelta(minutes=minutes or 0) > now for created, minutes in reviews)
