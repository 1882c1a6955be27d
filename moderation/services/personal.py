"""Participants' own tools: mute someone for oneself. Nobody else is affected and the muted
person is not told; their messages are collapsed for the owner, in every debate."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.models import User
from core.errors import InvalidInput, NotFound

from ..models import PersonalMute
from .common import require


def _other(actor: User, user_id) -> User:
    if isinstance(user_id, bool) or not isinstance(user_id, int):
        raise NotFound(_("This participant does not exist."))
    if user_id == actor.pk:
        raise InvalidInput(_("You cannot mute yourself."), code="SELF")
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        raise NotFound(_("This participant does not exist."))
    return user


def personal_mute(*, actor: User, user_id: int) -> PersonalMute:
    """Collapse ``user_id``'s messages for ``actor`` (idempotent)."""
    require(actor, "moderation.mute_for_self")
    other = _other(actor, user_id)
    try:
        with transaction.atomic():
            mute, _created = PersonalMute.objects.get_or_create(owner=actor, muted=other)
    except IntegrityError:  # the same request twice at once
        mute = PersonalMute.objects.get(owner=actor, muted=other)
    return mute


def personal_unmute(*, actor: User, user_id: int) -> None:
    """Show ``user_id``'s messages to ``actor`` again (idempotent)."""
    require(actor, "moderation.mute_for_self")
    other = _other(actor, user_id)
    PersonalMute.objects.filter(owner=actor, muted=other).delete()
