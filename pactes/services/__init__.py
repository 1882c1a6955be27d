"""Services of the pacts: keyword-only, typed, permission-checked, audited.

One module per idea: the state machine (``state``) and the transitions (``workflow``),
proposals, versions, signing, parties, join requests (``joining``), comments, what a pact
records beside its text (``details``), renewal, the follow-up reports. Helpers that are not
services (canonical form, diff, PDF, permission and input guards, uploads) sit beside this
package in ``pactes/`` and never import it.
"""

from .comments import MAX_COMMENT_LENGTH, comment_answer, comment_post
from .details import attachment_add, council_reference_set, pact_link_debate, store_attachment
from .joining import join_request_create, join_request_decide
from .parties import ensure_city_party
from .proposals import pact_propose
from .renewal import pact_renew
from .reports import report_answer, report_file
from .signing import pact_sign
from .versions import version_create
from .workflow import consultations_close_due, pact_transition, pacts_expire_due

__all__ = [
    "MAX_COMMENT_LENGTH",
    "attachment_add",
    "comment_answer",
    "comment_post",
    "consultations_close_due",
    "council_reference_set",
    "ensure_city_party",
    "join_request_create",
    "join_request_decide",
    "pact_link_debate",
    "pact_propose",
    "pact_renew",
    "pact_sign",
    "pact_transition",
    "pacts_expire_due",
    "report_answer",
    "report_file",
    "store_attachment",
    "version_create",
]
