"""The city agents' dashboard: pacts waiting for the city, late deadlines, reports to read.

A fixed number of queries whatever the number of pacts: each list is one query, bounded, and
the late reports are computed from two queries over the running pacts."""

import datetime as dt

from django.db.models import Exists, OuterRef
from django.utils import timezone

from pactes.deadlines import REPORTING, city_answer_due, overdue_items
from pactes.models import JoinRequest, Pact, PactReport, Party, Reminder, Signature

LIMIT = 100


def dashboard(*, today: dt.date | None = None) -> dict:
    today = today or timezone.localdate()
    submitted = list(
        Pact.objects.filter(status=Pact.Status.SUBMITTED)
        .select_related("commons")
        .order_by("status_changed_at", "pk")[:LIMIT]
    )
    for pact in submitted:
        pact.answer_due = city_answer_due(pact)
        pact.answer_late = pact.answer_due < today
    city_signed = Signature.objects.filter(
        version=OuterRef("frozen_version"), party__role=Party.Role.CITY, voided_at__isnull=True
    )
    to_sign = list(
        Pact.objects.filter(status=Pact.Status.SIGNING)
        .exclude(Exists(city_signed))
        .select_related("commons", "frozen_version")
        .order_by("status_changed_at", "pk")[:LIMIT]
    )
    join_requests = list(
        JoinRequest.objects.filter(status=JoinRequest.Status.PENDING, pact__status__in=["consultation", "active"])
        .select_related("pact", "user", "organisation")
        .order_by("created_at", "pk")[:LIMIT]
    )
    running = list(
        Pact.objects.filter(status__in=REPORTING, start_date__isnull=False, end_date__isnull=False).only(
            "pk", "title", "status", "start_date", "end_date", "status_changed_at"
        )
    )
    reported: dict[int, set[int]] = {}
    for pact_id, period in PactReport.objects.filter(pact__status__in=REPORTING).values_list("pact_id", "period"):
        reported.setdefault(pact_id, set()).add(period)
    late_reports = []
    for pact in running:
        for item in overdue_items(pact, reported_periods=reported.get(pact.pk, set()), today=today):
            if item.kind == Reminder.Kind.REPORT_DUE:
                late_reports.append({"pact": pact, "period": item.period, "due_on": item.due_on})
    late_reports.sort(key=lambda item: item["due_on"])
    to_read = list(
        PactReport.objects.filter(city_answer="").select_related("pact").order_by("created_at", "pk")[:LIMIT]
    )
    return {
        "submitted": submitted,
        "late_answers": [p for p in submitted if p.answer_late],
        "to_sign": to_sign,
        "join_requests": join_requests,
        "late_reports": late_reports[:LIMIT],
        "reports_to_read": to_read,
        "today": today,
    }
