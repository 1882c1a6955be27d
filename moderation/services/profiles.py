"""Services of the moderation app: keyword-only, typed, permission-checked, audited."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from accounts.models import User
from cite.errors import InvalidInput
from cite.permissions import require

from ..models import FacilitationProfile, FacilitationProfileRevision
from ..rules import validate

# The settings of a profile that a facilitator may change, and that a revision records.
EDITABLE_FIELDS = (
    "description",
    "rules",
    "report_hide_threshold",
    "new_participant_held",
    "max_length",
    "reformulation_required",
)


def profile_settings(profile: FacilitationProfile) -> dict[str, Any]:
    """The settings a revision records."""
    return {field: getattr(profile, field) for field in EDITABLE_FIELDS}


def record_revision(*, profile: FacilitationProfile, actor: User, before: dict[str, Any]) -> None:
    """Append the change from ``before`` to the profile's current settings, if there is one."""
    after = profile_settings(profile)
    if after != before:
        FacilitationProfileRevision.objects.create(profile=profile, changed_by=actor, before=before, after=after)


def profile_update(*, actor: User, profile: FacilitationProfile, changes: dict[str, Any]) -> FacilitationProfile:
    """Change a facilitation profile's settings and record the change.

    ``changes`` maps some of :data:`EDITABLE_FIELDS` to their new values. The rules list is
    validated as the pipeline will read it (unknown rules or parameters refuse the whole
    change). Saving moves ``updated_at``, which makes every process recompile the profile's
    steps on its next message.
    """
    require(actor, "moderation.change_facilitationprofile", profile)
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise InvalidInput(code="UNKNOWN_FIELD")
    if "rules" in changes:
        errors = validate(changes["rules"])
        if errors:
            raise InvalidInput("; ".join(errors), code="INVALID_RULES", errors=errors)
    for field in ("report_hide_threshold", "max_length"):
        if field in changes and (not isinstance(changes[field], int) or changes[field] < 1):
            raise InvalidInput(code="INVALID_NUMBER")
    if not isinstance(changes.get("reformulation_required", False), bool):
        raise InvalidInput(code="INVALID_BOOLEAN")
    held = changes.get("new_participant_held", 0)
    if not isinstance(held, int) or held < 0:
        raise InvalidInput(code="INVALID_NUMBER")
    with transaction.atomic():
        profile = FacilitationProfile.objects.select_for_update().get(pk=profile.pk)
        before = profile_settings(profile)
        for field, value in changes.items():
            setattr(profile, field, value)
        if profile_settings(profile) == before:
            return profile
        profile.save(update_fields=[*changes, "updated_at"])
        record_revision(profile=profile, actor=actor, before=before)
    return profile
