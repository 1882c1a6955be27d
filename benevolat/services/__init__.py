"""Services of volunteering: keyword-only, typed, permission-checked, rows locked.

One module per idea: the status machines (``state``), calls (``calls``), answers
(``answers``), hours given (``hours``).
"""

from .answers import answer_create, answer_decide, answer_withdraw
from .calls import CallText, call_close, call_publish, call_reopen, call_update
from .hours import hours_record, hours_remove

__all__ = [
    "CallText",
    "answer_create",
    "answer_decide",
    "answer_withdraw",
    "call_close",
    "call_publish",
    "call_reopen",
    "call_update",
    "hours_record",
    "hours_remove",
]
