"""Permissions on pacts: one per transition of ``workflow.TRANSITIONS``, then the other actions.

The state a transition starts from is checked by ``workflow._transition`` against the table,
with its own error; these rules say *who* may act, plus the states an action needs.
"""

import rules

from accounts.predicates import can_take_part
from pactes.predicates import (
    can_take_part_in_pact,
    is_city_staff,
    is_consultation_over,
    is_ordinary_pact,
    is_pact_city_signatory,
    is_pact_draft,
    is_pact_editable,
    is_pact_insider,
    is_pact_open_to_comments,
    is_pact_open_to_files,
    is_pact_open_to_joining,
    is_pact_party_member,
    is_pact_party_signatory,
    is_pact_proponent,
    is_pact_renewable,
    is_pact_reporting,
    is_pact_signing,
    is_public_pact,
)

proponent = can_take_part & is_pact_proponent
city = is_city_staff

# --- transitions (pactes.<transition>_pact) ---------------------------------------------------
rules.add_perm("pactes.submit_pact", proponent)
rules.add_perm("pactes.answer_pact", proponent)
rules.add_perm("pactes.withdraw_pact", proponent)
rules.add_perm("pactes.request_information_pact", city)
rules.add_perm("pactes.reject_pact", city)
rules.add_perm("pactes.open_consultation_pact", city)
# A complex pact must go through a public consultation (DESIGN §8).
rules.add_perm("pactes.start_co_design_pact", city & is_ordinary_pact)
# The consultation closes by itself; an agent may close it only once its end date has passed
# (when the scheduler was down), never cut it short.
rules.add_perm("pactes.close_consultation_pact", city & is_consultation_over)
rules.add_perm("pactes.freeze_pact", city)
# Reopening co-design voids the signatures: only those who may sign (a party's representative,
# the city's signatory) may void the others'.
signatory = can_take_part & (is_pact_party_signatory | is_pact_city_signatory)
rules.add_perm("pactes.reopen_pact", signatory)
rules.add_perm("pactes.suspend_pact", city)
rules.add_perm("pactes.resume_pact", city)
rules.add_perm("pactes.terminate_pact", city)
rules.add_perm("pactes.complete_pact", city)
# Made by the platform only: no person holds these.
rules.add_perm("pactes.activate_pact", rules.always_deny)
rules.add_perm("pactes.expire_pact", rules.always_deny)
rules.add_perm("pactes.supersede_pact", rules.always_deny)

# --- other actions ------------------------------------------------------------------------------
rules.add_perm("pactes.view_pact", is_public_pact | is_pact_insider)
rules.add_perm("pactes.propose_pact", can_take_part)
# A draft is the proponent's own text until it is submitted; then parties and the city edit it.
rules.add_perm("pactes.edit_pact", can_take_part_in_pact & is_pact_editable & (is_pact_party_member | ~is_pact_draft))
rules.add_perm("pactes.comment_pact", can_take_part & is_public_pact & is_pact_open_to_comments)
rules.add_perm("pactes.answer_comment_pact", can_take_part & (is_pact_party_signatory | is_city_staff))
rules.add_perm("pactes.request_join_pact", can_take_part & is_pact_open_to_joining & ~is_pact_insider)
rules.add_perm("pactes.decide_join_pact", can_take_part & (is_pact_proponent | is_city_staff))
rules.add_perm("pactes.attach_pact", can_take_part_in_pact & is_pact_open_to_files)
# Only a party's representative signs for it; for the city, an agent of the department party to
# the pact or an elected official with a delegation of signature (not any agent, nor an admin).
rules.add_perm("pactes.sign_pact", is_pact_signing & signatory)
rules.add_perm("pactes.link_debate_pact", city & is_pact_open_to_files)
rules.add_perm("pactes.set_council_reference_pact", city)
# Yearly reports: the parties write them while the pact runs; the city answers them.
rules.add_perm("pactes.report_pact", can_take_part & is_pact_party_member & is_pact_reporting)
rules.add_perm("pactes.answer_report_pact", city)
# A renewal is a new proposal: its proponents start it from the last signed text.
rules.add_perm("pactes.renew_pact", proponent & is_pact_renewable)
rules.add_perm("pactes.view_dashboard", city)
