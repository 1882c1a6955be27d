"""Services of the referrals: keyword-only, permission-checked, rows locked, domain errors.

``referrals`` (refer, the private link, delete), ``attendance`` (came or not, the volunteer
companion), ``followups`` (1 and 3 months, reminders), ``retention`` (the erasure limit).
"""

from .attendance import TRANSITIONS, attendance_mark, binome_pair, binome_volunteer, binome_withdraw
from .followups import RECORDABLE, follow_up_record, follow_ups_remind_due
from .referrals import (
    referral_by_token,
    referral_create,
    referral_delete,
    referral_delete_by_person,
    referral_link_reissue,
)
from .retention import erase_after, referrals_erase_expired

__all__ = [
    "RECORDABLE",
    "TRANSITIONS",
    "attendance_mark",
    "binome_pair",
    "binome_volunteer",
    "binome_withdraw",
    "erase_after",
    "follow_up_record",
    "follow_ups_remind_due",
    "referral_by_token",
    "referral_create",
    "referral_delete",
    "referral_delete_by_person",
    "referral_link_reissue",
    "referrals_erase_expired",
]
