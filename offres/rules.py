"""Permissions on offers: one per transition of ``services.state.TRANSITIONS``, then the other
actions. The state a transition starts from is checked by ``_transition`` against the table."""

import rules

from accounts.predicates import can_take_part, is_city_agent
from offres.predicates import (
    is_offer_listed,
    is_offer_manager,
    is_offer_suggester,
    may_run_offers,
)

manager = can_take_part & is_offer_manager

# --- transitions (offres.<transition>_offer) --------------------------------------------------
# A resident's suggestion is reviewed by a city agent or the association it names.
rules.add_perm("offres.publish_offer", manager)
rules.add_perm("offres.reject_offer", manager)
rules.add_perm("offres.confirm_offer", manager)
# Owners take their offer down; city agents withdraw any offer (moderation).
rules.add_perm("offres.withdraw_offer", manager)
# An offer withdrawn (by its owners or by moderation) comes back through a city agent only.
rules.add_perm("offres.republish_offer", can_take_part & is_city_agent)
# Made by the platform only (the confirmation cycle, residents' reports).
rules.add_perm("offres.mark_to_verify_offer", rules.always_deny)

# --- other actions ------------------------------------------------------------------------------
rules.add_perm("offres.add_offer", can_take_part & may_run_offers)
rules.add_perm("offres.suggest_offer", can_take_part)
rules.add_perm("offres.change_offer", manager)
rules.add_perm("offres.view_my_offers", can_take_part & may_run_offers)
# Reporting is for the people who use the directory; managers update the offer instead.
rules.add_perm("offres.report_offer", can_take_part & is_offer_listed & ~is_offer_manager)
# The resident who suggested an offer follows it, whatever became of it (and reads why).
rules.add_perm("offres.view_offer", is_offer_listed | is_offer_manager | is_offer_suggester)
rules.add_perm("offres.view_reports", manager)
