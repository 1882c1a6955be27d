"""Permissions on referrals (predicates in ``predicates.py``). No rule includes superusers: an
administrator acts only through a role (connector, representative of an offer's organisation)."""

import rules

from accounts.predicates import can_take_part, is_active_account
from orientation.predicates import (
    connector,
    has_connector_organisation,
    is_follow_up_connector,
    is_line_binome,
    is_line_connector,
    is_line_recipient,
    is_referral_connector,
)

rules.add_perm("orientation.refer", connector & has_connector_organisation)
rules.add_perm("orientation.view_referral", connector & is_referral_connector)
rules.add_perm("orientation.delete_referral", connector & is_referral_connector)
rules.add_perm("orientation.reissue_link", connector & is_referral_connector)
rules.add_perm("orientation.record_follow_up", connector & is_follow_up_connector)
# One referred offer: its connector, the offer's organisation, the paired companion.
rules.add_perm("orientation.view_line", (connector & is_line_connector) | is_line_recipient | is_line_binome)
rules.add_perm("orientation.mark_attendance", is_active_account & is_line_recipient)
rules.add_perm("orientation.pair_binome", (connector & is_line_connector) | (is_active_account & is_line_recipient))
# Coming along with someone is taking part: a confirmed address.
rules.add_perm("orientation.volunteer_binome", can_take_part)
rules.add_perm("orientation.withdraw_binome", is_active_account)
