"""Permissions of the facilitation profiles (django-rules)."""

import rules

from accounts.predicates import is_facilitator, is_superuser

# Facilitators tune how rooms are facilitated; the profiles are shared by every debate.
can_edit_profiles = is_facilitator | is_superuser

rules.add_perm("facilitation.view_facilitationprofile", can_edit_profiles)
rules.add_perm("facilitation.change_facilitationprofile", can_edit_profiles)
