"""Permissions on calls for volunteers (``benevolat.<verb>_<model>``).

The states an action needs (an open call, a pending answer…) are checked by the services with
their own clear errors; these rules say *who* may act.
"""

import rules

from accounts.predicates import can_take_part
from benevolat.predicates import (
    has_answered_call,
    is_active_pact,
    is_answer_call_manager,
    is_answer_volunteer,
    is_call_host_live,
    is_call_manager,
    is_listed_offer,
    is_pact_party_representative,
    manages_answer,
    manages_call,
)
from offres.predicates import is_offer_manager

rules.add_perm("benevolat.publish_call_on_offer", can_take_part & is_offer_manager & is_listed_offer)
rules.add_perm("benevolat.publish_call_on_pact", can_take_part & is_pact_party_representative & is_active_pact)
# A call is public while its host runs; its managers and those who answered it still see it afterwards.
rules.add_perm("benevolat.view_call", is_call_host_live | is_call_manager | has_answered_call)
rules.add_perm("benevolat.manage_call", manages_call)
rules.add_perm("benevolat.answer_call", can_take_part & is_call_host_live)
rules.add_perm("benevolat.withdraw_answer", can_take_part & is_answer_volunteer)
# Nobody decides on their own offer to help nor records their own hours: another organiser does.
rules.add_perm("benevolat.decide_answer", manages_answer & ~is_answer_volunteer)
rules.add_perm("benevolat.record_hours", manages_answer & ~is_answer_volunteer)
rules.add_perm("benevolat.view_answer", is_answer_volunteer | is_answer_call_manager)
