"""Services of the moderation app: keyword-only, typed, permission-checked, audited.

One module per idea: facilitators' decisions (and the escalation
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
from .reports import report_submit

__all__ = [
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
    "report_submit",
    "reports_dismiss",
    "room_pause",
    "room_slow_down",
]
