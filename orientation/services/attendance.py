"""What the offer's team records: whether the person came; and the volunteer companion who comes
along the first time."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.errors import InvalidInput, InvalidState, NotFound
from core.permissions import require
from orientation import notices
from orientation.models import Binome, ReferralOffer
from orientation.services.common import add_months, lock_line

Attendance = ReferralOffer.Attendance
# A first visit is planned for the coming weeks: a date further away is a typing mistake (a year).
MEETING_MONTHS_AHEAD = 6

# name -> (attendances it leaves, attendance it reaches). A person marked absent may come later;
# « came » is final (the follow-ups take it from there).
TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "came": ((Attendance.PENDING, Attendance.DID_NOT_COME), Attendance.CAME),
    "did_not_come": ((Attendance.PENDING,), Attendance.DID_NOT_COME),
}


def _check_day(line: ReferralOffer, day) -> dt.date:
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
        raise InvalidInput(_("Give the date."), code="BAD_DATE")
    referred_on = timezone.localtime(line.referral.created_at).date()
    if day < referred_on or day > timezone.localdate():
        raise InvalidInput(_("The date must be between the referral and today."), code="BAD_DATE")
    return day


def attendance_mark(*, actor: User, line: ReferralOffer, outcome: str, on: dt.date) -> ReferralOffer:
    """The offer's team says whether the person came, and when."""
    require(actor, "orientation.mark_attendance", line)
    if outcome not in TRANSITIONS:
        raise InvalidInput(_("Say whether the person came or not."), code="BAD_ATTENDANCE")
    with transaction.atomic():
        line = lock_line(line)
        sources, target = TRANSITIONS[outcome]
        if line.attendance not in sources:
            # Only a state already reached ends here: say which one it is.
            if line.attendance == Attendance.DID_NOT_COME:
                raise InvalidState(_("This person is already marked as not having come."), code="ALREADY_DID_NOT_COME")
            raise InvalidState(_("This person is already marked as having come."), code="ALREADY_CAME")
        line.attendance = target
        line.attendance_on = _check_day(line, on)
        line.attendance_by = actor
        line.save(update_fields=["attendance", "attendance_on", "attendance_by"])
        notices.attendance_marked(line, actor=actor)
    return line


def lines_tell_offer_withdrawn(*, offer, actor: User | None) -> list[ReferralOffer]:
    """The offer is withdrawn (in its transaction, ``offres.linked.OFFER_WITHDRAWN``): whoever
    waits for a referred person's first visit there (the connector, the binôme) is told, so
    that the person is not sent to an activity that no longer runs."""
    waiting = (
        ReferralOffer.objects.filter(offer=offer, attendance=Attendance.PENDING, referral__erased_at=None)
        .select_related("offer", "referral__connector", "binome__user")
        .order_by("pk")
    )
    lines = list(waiting)
    for line in lines:
        notices.offer_withdrawn(line, actor=actor)
    return lines


def binome_volunteer(*, actor: User, neighbourhood: str = "") -> Binome:
    """A resident volunteers to come along with referred people the first time."""
    require(actor, "orientation.volunteer_binome")
    if not isinstance(neighbourhood, str) or len(neighbourhood.strip()) > 120:
        raise InvalidInput(_("The neighbourhood is too long."), code="BAD_NEIGHBOURHOOD")
    binome, _created = Binome.objects.update_or_create(user=actor, defaults={"neighbourhood": neighbourhood.strip()})
    return binome


def binome_withdraw(*, actor: User) -> None:
    """Stop volunteering: the pairings not yet done lose their companion (their connector and
    the offer's team see it and may pair someone else)."""
    require(actor, "orientation.withdraw_binome")
    with transaction.atomic():
        binome = Binome.objects.select_for_update().filter(user=actor).first()
        if binome is None:
            raise InvalidState(_("You are not a volunteer companion."), code="NOT_A_BINOME")
        binome.pairings.update(binome=None, binome_meeting_on=None, paired_by=None)
        binome.delete()


def binome_pair(
    *, actor: User, line: ReferralOffer, binome_id: int | None, meeting_on: dt.date | None = None
) -> ReferralOffer:
    """Pair a volunteer companion (or none) with a referred offer before the first visit."""
    require(actor, "orientation.pair_binome", line)
    binome = None
    if binome_id is not None:
        if not isinstance(binome_id, int):
            raise InvalidInput(_("Choose a companion from the list."), code="BAD_BINOME")
        binome = (
            Binome.objects.select_related("user")
            .filter(pk=binome_id, user__is_active=True, user__deleted_at__isnull=True)
            .first()
        )
        if binome is None:
            raise NotFound(_("Choose a companion from the list."), code="BAD_BINOME")
    if meeting_on is not None:
        today = timezone.localdate()
        if not isinstance(meeting_on, dt.date) or isinstance(meeting_on, dt.datetime) or meeting_on < today:
            raise InvalidInput(_("The first visit is today or later."), code="BAD_DATE")
        if meeting_on > add_months(today, MEETING_MONTHS_AHEAD):
            raise InvalidInput(
                _("The first visit is within %(n)d months: choose an earlier day.") % {"n": MEETING_MONTHS_AHEAD},
                code="BAD_DATE",
            )
    with transaction.atomic():
        line = lock_line(line)
        if line.attendance == Attendance.CAME:
            raise InvalidState(_("The person has already come: no companion is needed."), code="ALREADY_CAME")
        if binome is not None and not line.offer.is_listed:
            raise InvalidState(
                _("This activity is no longer offered: nobody can be asked to come along."), code="OFFER_WITHDRAWN"
            )
        previous = line.binome_id
        line.binome = binome
        line.binome_meeting_on = meeting_on if binome else None
        line.paired_by = actor if binome else None
        line.save(update_fields=["binome", "binome_meeting_on", "paired_by"])
        if binome is not None and binome.pk != previous:
            notices.binome_paired(line, actor=actor)
    return line
