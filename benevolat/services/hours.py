"""Hours given by accepted volunteers, recorded per date by the people who manage the call.

Bounds: a quarter of an hour at least, never more than ``MAX_HOURS_PER_DAY`` for one person on
one date over every call, a date between the day the call was published and today.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from benevolat.models import Answer, GivenHours
from benevolat.services.state import lock_call
from core.errors import InvalidInput, InvalidState, NotFound
from core.permissions import require

MAX_HOURS_PER_DAY = Decimal(12)
QUARTER = Decimal("0.25")


def checked_hours(value) -> Decimal:
    """A number of hours, in quarters of an hour, above zero and at most ``MAX_HOURS_PER_DAY``."""
    if isinstance(value, bool):
        value = None
    try:
        hours = Decimal(str(value).replace(",", ".").strip())
    except (InvalidOperation, ValueError):
        hours = None
    if hours is None or not hours.is_finite() or not QUARTER <= hours <= MAX_HOURS_PER_DAY or hours % QUARTER:
        raise InvalidInput(
            _("Hours: a number from 0.25 to %(max)s, in quarters of an hour (1.5 for an hour and a half).")
            % {"max": MAX_HOURS_PER_DAY},
            code="INVALID_HOURS",
        )
    return hours


def hours_record(*, actor: User, answer: Answer, date: dt.date, hours) -> GivenHours:
    """Record (or correct) the hours ``answer``'s volunteer gave on ``date``. The entry returned
    carries ``previous_hours``: what was recorded for that date before (``None`` if nothing), so
    that a correction is said as one."""
    amount = checked_hours(hours)
    if not isinstance(date, dt.date):
        raise InvalidInput(_("Give the date as a date."), code="INVALID_DATE")
    with transaction.atomic():
        call = lock_call(answer.call_id)
        answer = Answer.objects.select_for_update().get(pk=answer.pk)
        answer.call = call
        require(actor, "benevolat.record_hours", answer)
        if answer.status != Answer.Status.ACCEPTED:
            raise InvalidState(_("Hours are recorded for accepted volunteers only."), code="NOT_ACCEPTED")
        today = timezone.localdate()
        published = timezone.localdate(call.created_at)
        if not published <= date <= today:
            raise InvalidInput(
                _("The date must be between the publication of the call (%(start)s) and today.")
                % {"start": published.strftime("%d/%m/%Y")},
                code="INVALID_DATE",
            )
        elsewhere = (
            GivenHours.objects.filter(answer__volunteer_id=answer.volunteer_id, date=date)
            .exclude(answer=answer)
            .aggregate(total=Sum("hours"))["total"]
            or 0
        )
        if elsewhere + amount > MAX_HOURS_PER_DAY:
            raise InvalidInput(
                _("This volunteer would give more than %(max)s hours on that day.") % {"max": MAX_HOURS_PER_DAY},
                code="TOO_MANY_HOURS",
            )
        previous = GivenHours.objects.filter(answer=answer, date=date).values_list("hours", flat=True).first()
        entry, _created = GivenHours.objects.update_or_create(
            answer=answer, date=date, defaults={"hours": amount, "recorded_by": actor}
        )
    entry.previous_hours = previous
    return entry


def hours_remove(*, actor: User, entry_id: int, answer: Answer) -> None:
    """Remove a record made by mistake (``entry_id`` must be one of ``answer``'s)."""
    with transaction.atomic():
        call = lock_call(answer.call_id)
        answer = Answer.objects.select_for_update().get(pk=answer.pk)
        answer.call = call
        require(actor, "benevolat.record_hours", answer)
        deleted, _rows = GivenHours.objects.filter(pk=entry_id, answer=answer).delete()
        if not deleted:
            raise NotFound()
