"""A facilitator taken off a debate (or added to one) has their sockets told at once, on every
process: the room's socket is closed with CLOSE_ROLE_CHANGED and the client reconnects with its
new role; the moderation queue's socket re-reads the debates it follows (moderation.consumers).

Facilitators are changed through the admins' forms (a many-to-many field), so the one hook
every way of changing them goes through is the relation's ``m2m_changed`` signal.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from core.sockets import CLOSE_ROLE_CHANGED, revoke_sockets
from debates.models import Debate


def _revoke_after_commit(pairs: list[tuple[int, int]]) -> None:
    def revoke():
        for user_id, debate_id in pairs:
            revoke_sockets(user_id=user_id, debate_id=debate_id, code=CLOSE_ROLE_CHANGED)

    transaction.on_commit(revoke)


@receiver(m2m_changed, sender=Debate.facilitators.through, dispatch_uid="debates.revocation.facilitators")
def _facilitators_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action == "pre_clear":
        # The ids are gone once cleared: remember who was there.
        if reverse:
            instance._cleared_pairs = [
                (instance.pk, d) for d in instance.facilitated_debates.values_list("pk", flat=True)
            ]
        else:
            instance._cleared_pairs = [(u, instance.pk) for u in instance.facilitators.values_list("pk", flat=True)]
    elif action == "post_clear":
        _revoke_after_commit(getattr(instance, "_cleared_pairs", []))
    elif action in ("post_remove", "post_add") and pk_set:
        if reverse:  # user.facilitated_debates.remove(debate)
            _revoke_after_commit([(instance.pk, debate_id) for debate_id in pk_set])
        else:
            _revoke_after_commit([(user_id, instance.pk) for user_id in pk_set])
