"""What volunteering holds about a person: exported on request, erased with the account.

A volunteer's answers and the hours recorded for them are theirs: exported in full. When the
account is deleted, answers that were never accepted go; an accepted answer keeps its dates and
hours (the yearly indicators count them, the account row is anonymous by then) but loses its
messages and is marked withdrawn.
"""

from django.db.models import Q
from django.utils import timezone

from benevolat.models import Answer, Call


def export_user_data(*, user) -> dict:
    answers = Answer.objects.filter(volunteer=user).select_related("call").prefetch_related("hours").order_by("pk")
    return {
        "answers": [
            {
                "call": answer.call_id,
                "call_title": answer.call.title,
                "status": answer.status,
                "message": answer.message,
                "decision_note": answer.decision_note,
                "answered_at": answer.created_at.isoformat(),
                "accepted_at": answer.accepted_at.isoformat() if answer.accepted_at else None,
                "withdrawn_at": answer.withdrawn_at.isoformat() if answer.withdrawn_at else None,
                "hours": [{"date": entry.date.isoformat(), "hours": str(entry.hours)} for entry in answer.hours.all()],
            }
            for answer in answers
        ],
        "calls_published": [
            {"id": call.pk, "title": call.title, "created_at": call.created_at.isoformat()}
            for call in Call.objects.filter(created_by=user).order_by("pk")
        ],
    }


def erase_user_data(*, user) -> None:
    answers = Answer.objects.filter(volunteer=user)
    answers.filter(accepted_at__isnull=True).delete()
    answers.update(message="", decision_note="")
    answers.filter(Q(status=Answer.Status.ACCEPTED) | Q(status=Answer.Status.PENDING)).update(
        status=Answer.Status.WITHDRAWN, withdrawn_at=timezone.now()
    )
