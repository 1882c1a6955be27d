"""Permissions of the debates app. Services check them; views, consumers and templates ask the same."""

import rules

from accounts.predicates import can_take_part, is_active_account
from debates.predicates import has_the_floor, is_debate_facilitator, is_debate_readable

rules.add_perm("debates.view_debate", is_debate_readable)
# Posting also needs a verified address, the charter and an open room: the posting pipeline
# checks those, so that each refusal carries its own stable code.
rules.add_perm("debates.post_message", is_active_account & is_debate_readable)
rules.add_perm("debates.accept_charter", is_active_account & is_debate_readable)
rules.add_perm("debates.raise_hand", can_take_part & is_debate_readable)
rules.add_perm("debates.report_message", can_take_part & is_debate_readable)
rules.add_perm("debates.follow_debate", is_active_account & is_debate_readable)
rules.add_perm("debates.moderate_debate", is_debate_facilitator)
rules.add_perm("debates.end_floor", is_debate_facilitator | has_the_floor)
rules.add_perm("debates.close_debate", is_debate_facilitator)
