"""The connector's follow-ups at 1 and 3 months, and the beat task's reminders."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.errors import InvalidInput, InvalidState, NotFound
from core.permissions import require
from orientation import notices
from orientation.models import FollowUp

RECORDABLE = [FollowUp.Outcome.STILL_GOING, FollowUp.Outcome.STOPPED, FollowUp.Outcome.NOT_REACHED]


def follow_up_record(*, actor: User, follow_up: FollowUp, outcome: str) -> FollowUp:
    """The connector records how it goes, once the follow-up is due; once."""
    require(actor, "orientation.record_follow_up", follow_up)
    if outcome not in RECORDABLE:
        raise InvalidInput(_("Choose how it goes from the list."), code="BAD_OUTCOME")
    with transaction.atomic():
        locked = FollowUp.objects.select_for_update().filter(pk=follow_up.pk).first()
        if locked is None:
            raise NotFound()
        if locked.due_on > timezone.localdate():
            raise InvalidState(_("This follow-up is not due yet."), code="NOT_DUE")
        if locked.outcome:
            raise InvalidState(_("This follow-up is already recorded."), code="ALREADY_RECORDED")
        locked.outcome = outcome
        locked.recorded_at = timezone.now()
        locked.recorded_by = actor
        locked.save(update_fields=["outcome", "recorded_at", "recorded_by"])
    return locked


def follow_ups_remind_due(*, today=None) -> list[int]:
    """Remind each connector, once, of the follow-ups due and not recorded (the beat task).
    Safe to run twice: a reminded follow-up is skipped."""
    today = today or timezone.localdate()
    due = list(
        FollowUp.objects.filter(
            due_on__lte=today,
            outcome="",
            reminded_at__isnull=True,
            line__referral__erased_at__isnull=True,
            line__referral__connector__isnull=False,
        )
        .select_related("line__referral__connector", "line__offer")
        .order_by("pk")
    )
    done = []
    for follow_up in due:
        with transaction.atomic():
            if not FollowUp.objects.filter(pk=follow_up.pk, reminded_at__isnull=True).update(
                reminded_at=timezone.now()
            ):
                continue  # reminded by a run in parallel
            notices.follow_up_due(follow_up)
        done.append(follow_up.pk)
    return done
