"""Services of the moderation app: keyword-only, typed, permission-checked, audited.

One module per idea: facilitation profiles, facilitators' decisions (and the escalation
ladder), reports, appeals, participants' own tools.
"""

from .appeals import appeal_create, appeal_decide
from .decisions import (
    EXCLUSION_MARK,
    is_exclusion,
    message_approve,
    message_hide,
    message_keep_hidden,
    message_reject,
    message_restore,
    participant_exclude,
    participant_mute,
    participant_remind,
    participant_review,
    reports_dismiss,
    room_pause,
    room_slow_down,
)
from .personal import personal_mute, personal_unmute
from .profiles import EDITABLE_FIELDS, profile_settings, profile_update, record_revision
from .reports import report_submit

__all__ = [
    "EDITABLE_FIELDS",
    "EXCLUSION_MARK",
    "appeal_create",
    "appeal_decide",
    "is_exclusion",
    "message_approve",
    "message_hide",
    "message_keep_hidden",
    "message_reject",
    "message_restore",
    "participant_exclude",
    "participant_mute",
    "participant_remind",
    "participant_review",
    "personal_mute",
    "personal_unmute",
    "profile_settings",
    "profile_update",
    "record_revision",
    "report_submit",
    "reports_dismiss",
    "room_pause",
    "room_slow_down",
]
