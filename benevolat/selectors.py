"""Reads of volunteering: the public list and its filters, a call's page, what the indicators count."""

from __future__ import annotations

import datetime as dt

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, DecimalField, Exists, OuterRef, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone

from benevolat.models import Answer, Call, GivenHours
from offres.models import Offer
from pactes.models import Pact

LISTED_OFFER = Q(offer__status__in=[Offer.Status.PUBLISHED, Offer.Status.TO_VERIFY])
ACTIVE_PACT = Q(pact__status=Pact.Status.ACTIVE)
# Where a call happens: its offer's neighbourhood, or that of its pact's commons.
NEIGHBOURHOOD = Coalesce(NullIf("offer__neighbourhood", Value("")), "pact__commons__neighbourhood", Value(""))

# The windows of the « when » filter: (code, days from today).
WHEN_WINDOWS = {"week": 7, "month": 31}


def calls_listed(*, today: dt.date | None = None) -> QuerySet[Call]:
    """Calls the public list shows: open or filled, not over, on a listed offer or an active pact."""
    today = today or timezone.localdate()
    return (
        Call.objects.filter(status__in=[Call.Status.OPEN, Call.Status.FILLED])
        .filter(LISTED_OFFER | ACTIVE_PACT)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
    )


def calls_for_list(
    *, neighbourhood: str = "", when: str = "", commitment: str = "", today: dt.date | None = None
) -> QuerySet[Call]:
    """The list page's calls, filtered, with what a card shows (one query, whatever the number)."""
    today = today or timezone.localdate()
    calls = calls_listed(today=today).annotate(
        where=NEIGHBOURHOOD, accepted=Count("answers", filter=Q(answers__status=Answer.Status.ACCEPTED))
    )
    if neighbourhood:
        calls = calls.filter(where=neighbourhood)
    if when in WHEN_WINDOWS:
        # Something happens within the window: it has begun or begins by its end.
        calls = calls.filter(starts_on__lte=today + dt.timedelta(days=WHEN_WINDOWS[when]))
    if commitment:
        calls = calls.filter(commitment=commitment)
    return calls.select_related("offer__organisation", "pact__commons").order_by("starts_on", "pk")


def neighbourhoods_listed() -> list[str]:
    """The neighbourhoods of the listed calls, for the filter (one query)."""
    values = calls_listed().annotate(where=NEIGHBOURHOOD).order_by().values_list("where", flat=True).distinct()
    return sorted({value for value in values if value})


def call_for_page(*, call_id: int) -> Call | None:
    return (
        Call.objects.select_related("offer__organisation", "pact__commons")
        .annotate(accepted=Count("answers", filter=Q(answers__status=Answer.Status.ACCEPTED)))
        .filter(pk=call_id)
        .first()
    )


def answers_for_organisers(*, call: Call) -> list[Answer]:
    """Every answer of a call with its volunteer and the hours recorded (two queries)."""
    return list(
        call.answers.select_related("volunteer")
        .prefetch_related("hours")
        .annotate(total_hours=Sum("hours__hours"))
        .order_by("status", "created_at", "pk")
    )


def answer_of(*, call: Call, user) -> Answer | None:
    if not user.is_authenticated:
        return None
    return call.answers.filter(volunteer=user).first()


def answers_of_volunteer(*, user) -> list[Answer]:
    return list(
        Answer.objects.filter(volunteer=user)
        .select_related("call__offer", "call__pact")
        .annotate(total_hours=Sum("hours__hours"))
        .order_by("-created_at", "-pk")
    )


# The calls of an offer or a pact, as their pages show them, are kept in the cache: the pact
# page holds its budget of 15 queries with them. The services forget them on every change.
HOST_CALLS_SECONDS = 600


def _host_key(call_or_host) -> str:
    if isinstance(call_or_host, Call):
        return (
            f"benevolat:calls:offer:{call_or_host.offer_id}"
            if call_or_host.offer_id
            else f"benevolat:calls:pact:{call_or_host.pact_id}"
        )
    kind = "offer" if isinstance(call_or_host, Offer) else "pact"
    return f"benevolat:calls:{kind}:{call_or_host.pk}"


def calls_of_host(*, host: Offer | Pact) -> list[Call]:
    """Every call of ``host`` (an offer or a pact), closed and past ones included, from the
    cache when it holds them (no query)."""
    key = _host_key(host)
    calls = cache.get(key)
    if calls is None:
        field = "offer" if isinstance(host, Offer) else "pact"
        calls = list(Call.objects.filter(**{field: host}).order_by("starts_on", "pk"))
        cache.set(key, calls, HOST_CALLS_SECONDS)
    return calls


def shown_to_all(calls: list[Call], *, today: dt.date | None = None) -> list[Call]:
    """Those of ``calls`` the public list would show (the host's own state aside)."""
    today = today or timezone.localdate()
    return [
        call
        for call in calls
        if call.status in (Call.Status.OPEN, Call.Status.FILLED) and (call.ends_on is None or call.ends_on >= today)
    ]


def forget_host_calls(call: Call) -> None:
    """After a change to ``call``: now, and again once the change is committed (a page read in
    between may have put the old list back)."""
    key = _host_key(call)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def volunteering_by_neighbourhood(*, start: dt.date, end: dt.date, calls: QuerySet[Call] | None = None) -> list[list]:
    """For the indicators: ``[neighbourhood, volunteers, hours]`` for the year ``[start, end)``.

    A volunteer counts once per neighbourhood when accepted on a call in the year or when hours
    they gave in the year are recorded; hours are those given in the year. One query.
    ``calls`` narrows the calls counted (say, those of one engagement)."""
    answers = Answer.objects.filter(accepted_at__isnull=False)
    if calls is not None:
        answers = answers.filter(call__in=calls.values("pk"))
    in_year = Q(hours__date__gte=start, hours__date__lt=end)
    accepted_in_year = Q(accepted_at__date__gte=start, accepted_at__date__lt=end)
    gave_in_year = Exists(GivenHours.objects.filter(answer=OuterRef("pk"), date__gte=start, date__lt=end))
    rows = (
        answers.annotate(
            where=Coalesce(
                NullIf("call__offer__neighbourhood", Value("")), "call__pact__commons__neighbourhood", Value("")
            )
        )
        .order_by()
        .values("where")
        .annotate(
            volunteers=Count("volunteer", distinct=True, filter=accepted_in_year | Q(gave_in_year)),
            given=Coalesce(Sum("hours__hours", filter=in_year), Value(0), output_field=DecimalField()),
        )
        .order_by("where")
    )
    return [
        [row["where"], row["volunteers"], _number(row["given"])] for row in rows if row["volunteers"] or row["given"]
    ]


def _number(value) -> int | float:
    """Hours as JSON: a whole number when whole (figures are frozen as JSON)."""
    value = value or 0
    return int(value) if value == int(value) else round(float(value), 2)
