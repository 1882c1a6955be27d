"""Privacy hooks of the moderation app (see accounts.services.account_export / account_delete)."""

from typing import Any

from facilitation.models import FacilitationProfileRevision

from .models import Appeal, ModerationAction, PersonalMute


def export_user_data(*, user) -> dict[str, Any]:
    """The user's own data here: profile changes they made, decisions that concern them, their
    appeals and the participants they muted for themselves."""
    revisions = FacilitationProfileRevision.objects.filter(changed_by=user).select_related("profile")
    concerning = ModerationAction.objects.filter(target=user).select_related("debate").order_by("created_at", "pk")
    return {
        "facilitation_profile_changes": [
            {"profile": revision.profile.name, "changed_at": revision.changed_at.isoformat()}
            for revision in revisions.order_by("changed_at", "pk")
        ],
        "moderation_decisions_about_me": [
            {
                "debate": action.debate.title,
                "decision": action.kind,
                "automatic": action.automatic,
                "reason": action.reason,
                "at": action.created_at.isoformat(),
            }
            for action in concerning
        ],
        "appeals": [
            {
                "decision": appeal.action.kind,
                "text": appeal.text,
                "status": appeal.status,
                "at": appeal.created_at.isoformat(),
            }
            for appeal in Appeal.objects.filter(appellant=user).select_related("action").order_by("created_at")
        ],
        "participants_i_muted": [
            mute.muted.public_name for mute in PersonalMute.objects.filter(owner=user).select_related("muted")
        ],
    }


def erase_user_data(*, user) -> None:
    """Personal mutes are private choices: they go with the account, both ways. An appeal's text
    is personal and was never public: it is erased, while the appeal's outcome stays counted.
    The moderation log itself is a public record and is never rewritten; once the account is
    deleted it reads "participant supprimé"."""
    PersonalMute.objects.filter(owner=user).delete()
    PersonalMute.objects.filter(muted=user).delete()
    Appeal.objects.filter(appellant=user).update(text="")
