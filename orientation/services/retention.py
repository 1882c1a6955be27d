"""The retention limit: the personal fields of a referral are erased
``ORIENTATION_RETENTION_MONTHS`` after its last follow-up (docs/orientation.md)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from orientation.models import FollowUp, Referral, ReferralOffer
from orientation.services.common import add_months


def erase_after(referral: Referral, *, last_due: dt.date | None, last_recorded: dt.datetime | None) -> dt.date:
    """The day the referral's personal fields are erased: N months after its last follow-up (its
    last milestone, or the day it was recorded when later)."""
    last = last_due or timezone.localtime(referral.created_at).date()
    if last_recorded is not None:
        last = max(last, timezone.localtime(last_recorded).date())
    return add_months(last, settings.ORIENTATION_RETENTION_MONTHS)


def referrals_erase_expired(*, today: dt.date | None = None) -> list[int]:
    """Erase the first name, contact, link and the people around every referral past its limit.
    The offer, the dates, whether the person came and the follow-up outcomes stay, anonymous,
    for the indicators. Safe to run twice."""
    today = today or timezone.localdate()
    # No referral can expire before its last milestone plus the limit: only those are read.
    oldest = max(settings.ORIENTATION_FOLLOW_UP_MONTHS, default=0) + settings.ORIENTATION_RETENTION_MONTHS
    horizon = add_months(today, -oldest)
    candidates = (
        Referral.objects.filter(erased_at__isnull=True, created_at__date__lte=horizon)
        .annotate(last_due=Max("lines__follow_ups__due_on"), last_recorded=Max("lines__follow_ups__recorded_at"))
        .order_by("pk")
    )
    expired = [r.pk for r in candidates if erase_after(r, last_due=r.last_due, last_recorded=r.last_recorded) <= today]
    if expired:
        with transaction.atomic():
            Referral.objects.filter(pk__in=expired, erased_at__isnull=True).update(
                first_name="", contact="", token_hash="", connector=None, erased_at=timezone.now()
            )
            ReferralOffer.objects.filter(referral__in=expired).update(
                binome=None, binome_meeting_on=None, paired_by=None, attendance_by=None
            )
            FollowUp.objects.filter(line__referral__in=expired).update(recorded_by=None)
    return expired
