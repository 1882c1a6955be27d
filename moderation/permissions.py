"""Permissions of the moderation app (django-rules). Services check them; views and templates
ask the same.

They live here rather than in ``moderation/rules/``, which holds the facilitation rules of the
pipeline; the app's ``ready()`` imports this module.
"""

import rules

from accounts.predicates import is_facilitator, is_superuser

# Facilitators tune how rooms are facilitated; the profiles are shared by every debate.
can_edit_profiles = is_facilitator | is_superuser

rules.add_perm("moderation.view_facilitationprofile", can_edit_profiles)
rules.add_perm("moderation.change_facilitationprofile", can_edit_profiles)
