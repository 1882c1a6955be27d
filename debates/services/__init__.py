"""Services of the debate rooms: every action of the WebSocket protocol and of the pages.

Each service checks a django-rules permission, locks the debate row (which also serialises the
room's event log), records the public events in the log with the next ``seq`` and sends them
to the room only once the transaction has committed (``debates.events``). One module per idea:
taking part (``participation``), messages, turns of speech (``floor``), how the room runs
(``modes``); what they share is in ``common``.
"""

from .common import MAX_REASON_LENGTH, MESSAGE_TRANSITIONS, STATUS_TRANSITIONS
from .floor import (
    MAX_HALL_NAME_LENGTH,
    floor_end,
    floor_expire,
    floor_give,
    hall_speaker_add,
    hall_speaker_remove,
    hand_lower,
    hand_raise,
)
from .messages import (
    MAX_REFORMULATION_LENGTH,
    PostRefused,
    PostResult,
    debate_profile,
    message_approve,
    message_hide,
    message_post,
    message_reject,
    reformulation_required,
    report_create,
)
from .modes import debate_close, room_set_mode, room_set_reformulation
from .participation import debate_accept_charter, debate_follow, participant_mute

__all__ = [
    "MAX_HALL_NAME_LENGTH",
    "MAX_REASON_LENGTH",
    "MAX_REFORMULATION_LENGTH",
    "MESSAGE_TRANSITIONS",
    "STATUS_TRANSITIONS",
    "PostRefused",
    "PostResult",
    "debate_accept_charter",
    "debate_close",
    "debate_follow",
    "debate_profile",
    "floor_end",
    "floor_expire",
    "floor_give",
    "hall_speaker_add",
    "hall_speaker_remove",
    "hand_lower",
    "hand_raise",
    "message_approve",
    "message_hide",
    "message_post",
    "message_reject",
    "participant_mute",
    "reformulation_required",
    "report_create",
    "room_set_mode",
    "room_set_reformulation",
]
