"""Privacy hooks of the moderation app (see accounts.services.account_export / account_delete)."""

from typing import Any

from .models import FacilitationProfileRevision


def export_user_data(*, user) -> dict[str, Any]:
    """The facilitation profile changes the user made (the settings themselves are not personal)."""
    revisions = FacilitationProfileRevision.objects.filter(changed_by=user).select_related("profile")
    return {
        "facilitation_profile_changes": [
            {"profile": revision.profile.name, "changed_at": revision.changed_at.isoformat()}
            for revision in revisions.order_by("changed_at", "pk")
        ]
    }


# No erase_user_data: a profile change is part of the record of how rooms were facilitated; once
# the account is deleted it reads "participant supprimé" like every other public contribution.
