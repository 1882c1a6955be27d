"""Helpers of the referral services: input checks, dates, locks."""

import calendar
import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from core.errors import InvalidInput, NotFound
from orientation.models import CONTACT_MAX, FIRST_NAME_MAX, Referral, ReferralOffer

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_PHONE = re.compile(r"^\+?[0-9 .()-]{6,25}$")


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it has fewer days)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def clean_first_name(value) -> str:
    if not isinstance(value, str):
        raise InvalidInput(_("Give a first name or a pseudonym."), code="FIRST_NAME_REQUIRED")
    value = " ".join(value.split())
    if not value:
        raise InvalidInput(_("Give a first name or a pseudonym."), code="FIRST_NAME_REQUIRED")
    if len(value) > FIRST_NAME_MAX or _CONTROL.search(value):
        raise InvalidInput(
            _("A first name or a pseudonym of at most %(n)d characters, nothing more.") % {"n": FIRST_NAME_MAX},
            code="FIRST_NAME_TOO_LONG",
        )
    if "@" in value or sum(c.isdigit() for c in value) >= 3:
        # A contact typed in the wrong box would be shown where a first name is expected.
        raise InvalidInput(_("Put the e-mail or the phone number in the contact box."), code="FIRST_NAME_CONTACT")
    return value


def clean_contact(value) -> str:
    """An e-mail address or a phone number the person chose, or nothing."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidInput(_("Give an e-mail address or a phone number."), code="BAD_CONTACT")
    value = value.strip()
    if not value:
        return ""
    if len(value) > CONTACT_MAX or _CONTROL.search(value):
        raise InvalidInput(_("Give an e-mail address or a phone number."), code="BAD_CONTACT")
    if "@" in value:
        try:
            validate_email(value)
        except ValidationError:
            raise InvalidInput(_("This e-mail address is not valid."), code="BAD_CONTACT") from None
        return value
    if not _PHONE.match(value) or sum(c.isdigit() for c in value) < 6:
        raise InvalidInput(_("Give an e-mail address or a phone number."), code="BAD_CONTACT")
    return value


def lock_line(line: ReferralOffer) -> ReferralOffer:
    """The line locked, with its referral and offer; NotFound when it is gone or erased."""
    locked = ReferralOffer.objects.select_for_update().filter(pk=line.pk).first()
    if locked is None:
        raise NotFound()
    locked = ReferralOffer.objects.select_related("referral", "offer", "binome").get(pk=locked.pk)
    if locked.referral.erased_at is not None:
        raise NotFound()
    return locked


def lock_referral(referral: Referral) -> Referral:
    locked = Referral.objects.select_for_update().filter(pk=referral.pk, erased_at__isnull=True).first()
    if locked is None:
        raise NotFound()
    return locked
