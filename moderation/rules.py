"""Permissions of the moderation app (django-rules). Services check them; views and templates
ask the same.

django-rules' autodiscovery imports this module. The facilitation profiles' permissions are in
``facilitation/rules.py``.
"""

import rules

from accounts.predicates import is_active_account, is_city_agent, is_superuser
from debates.predicates import is_debate_facilitator

from .predicates import acted, facilitates_a_debate, facilitates_appeal_debate, is_action_target

# Acting on a debate's messages and participants: its facilitators (and administrators).
# The object is the debate.
rules.add_perm("moderation.moderate_debate", is_debate_facilitator)
# The queue page: whoever facilitates a debate, and the city agents who decide appeals.
rules.add_perm("moderation.view_queue", facilitates_a_debate | is_city_agent | is_superuser)
# Every pending appeal, not only those of one's debates.
rules.add_perm("moderation.view_all_appeals", is_city_agent | is_superuser)
# Appealing: the participant the action concerns. The object is the action.
rules.add_perm("moderation.appeal_action", is_action_target)
# Deciding an appeal: another facilitator of the debate, a city agent or an administrator —
# never the person who acted. The object is the appeal.
rules.add_perm("moderation.decide_appeal", (facilitates_appeal_debate | is_city_agent | is_superuser) & ~acted)
# Muting someone for oneself.
rules.add_perm("moderation.mute_for_self", is_active_account)
