"""Services of the offers: keyword-only, typed, permission-checked, written to the history.

``state`` holds the TRANSITIONS table and the one ``_transition`` through which an offer's
status ever changes; ``editing`` publishing, suggesting and updating; ``reports`` residents'
reports of an outdated offer; ``cycle`` the confirmation every OFFER_CONFIRM_EVERY_DAYS.
"""

from .cycle import confirmation_cycle
from .editing import EDITABLE_FIELDS, offer_create, offer_input_errors, offer_suggest, offer_update
from .reports import MAX_REASON_LENGTH, offer_report
from .state import MANUAL, TRANSITIONS, offer_transition

__all__ = [
    "EDITABLE_FIELDS",
    "MANUAL",
    "MAX_REASON_LENGTH",
    "TRANSITIONS",
    "confirmation_cycle",
    "offer_create",
    "offer_input_errors",
    "offer_report",
    "offer_suggest",
    "offer_transition",
    "offer_update",
]
