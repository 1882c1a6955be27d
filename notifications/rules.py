import rules

from accounts.predicates import is_active_account
from notifications.predicates import can_see_target, is_recipient

rules.add_perm("notifications.read_notification", is_active_account & is_recipient)
rules.add_perm("notifications.choose_delivery", is_active_account)
rules.add_perm("notifications.follow_object", is_active_account & can_see_target)
