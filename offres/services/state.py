"""The offer state machine: the TRANSITIONS table and ``_transition``, the one helper through
which an offer's status ever changes, writing the public history (``OfferEvent``).

Each transition has its django-rules permission ``offres.<name>_offer`` (rules.py). ``system``
transitions are made by the platform (actor ``None``): an offer not confirmed in time, or
reported outdated by several residents, is marked « à vérifier ».
"""

from dataclasses import dataclass

import rules
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.errors import InvalidInput, InvalidState, NotFound, PermissionDenied
from offres import notices
from offres.linked import offer_withdrawn
from offres.models import Offer, OfferEvent, OfferReport
from pactes.guards import clean_text

S = Offer.Status
MAX_REASON = 2000


@dataclass(frozen=True)
class Transition:
    name: str
    sources: tuple[str, ...]
    target: str
    label: Promise
    reason_required: bool = False
    system: bool = False

    @property
    def permission(self) -> str:
        return f"offres.{self.name}_offer"


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        Transition("publish", (S.SUGGESTED,), S.PUBLISHED, _("Publish this offer")),
        Transition("reject", (S.SUGGESTED,), S.REJECTED, _("Decline this suggestion"), reason_required=True),
        # Confirming says « still current »: it puts an offer to verify back to published.
        Transition("confirm", (S.PUBLISHED, S.TO_VERIFY), S.PUBLISHED, _("Confirm it is still current")),
        Transition("mark_to_verify", (S.PUBLISHED,), S.TO_VERIFY, _("Mark to verify"), system=True),
        Transition("withdraw", (S.PUBLISHED, S.TO_VERIFY), S.WITHDRAWN, _("Withdraw this offer"), reason_required=True),
        Transition("republish", (S.WITHDRAWN,), S.PUBLISHED, _("Publish it again")),
    ]
}

# Transitions a person starts from a button on the offer page.
MANUAL = ["confirm", "publish", "reject", "withdraw", "republish"]


def lock_offer(offer_id: int) -> Offer:
    try:
        return Offer.objects.select_for_update().get(pk=offer_id)
    except Offer.DoesNotExist as exc:
        raise NotFound() from exc


def _transition(*, offer: Offer, name: str, actor=None, reason: str = "", record_unchanged: bool = True):
    """Move a *locked* offer along ``TRANSITIONS[name]`` and write its history; returns the
    event written, or None.

    Requires a transaction and a row locked by ``lock_offer``, so that of two racing
    transitions the second finds the new status and is refused. ``actor=None`` is the
    platform, allowed only for ``system`` transitions. A transition that leaves the status as it
    was (confirming a published offer) is written as a ``CONFIRMED`` event, not as a status
    change; ``record_unchanged=False`` writes nothing then (an update already in the history).
    """
    transition = TRANSITIONS.get(name)
    if transition is None:
        raise InvalidInput(_("Unknown action."), code="UNKNOWN_TRANSITION")
    if actor is None:
        if not transition.system:
            raise PermissionDenied()
    elif not rules.has_perm(transition.permission, actor, offer):
        raise PermissionDenied()
    if offer.status not in transition.sources:
        raise InvalidState(
            _("This action is not possible while the offer is “%(status)s”.") % {"status": offer.get_status_display()}
        )
    reason = clean_text(reason)
    if len(reason) > MAX_REASON:
        raise InvalidInput(_("The reason is too long."), code="TOO_LONG")
    if transition.reason_required and not reason:
        raise InvalidInput(_("Give a reason: it is shown in the offer’s history."), code="REASON_REQUIRED")
    previous = offer.status
    now = timezone.now()
    offer.status = transition.target
    offer.status_changed_at = now
    fields = ["status", "status_changed_at", "updated_at"]
    if transition.target == S.PUBLISHED:
        # Publishing or confirming is a check by someone who knows: the cycle starts again and
        # residents' reports are answered.
        offer.last_confirmed_at = now
        offer.confirmation_asked_at = None
        fields += ["last_confirmed_at", "confirmation_asked_at"]
        OfferReport.objects.filter(offer=offer, resolved_at__isnull=True).update(resolved_at=now)
    offer.save(update_fields=fields)
    if name == "mark_to_verify":
        notices.marked_to_verify(offer=offer)
    elif name in ("publish", "reject"):
        notices.decided(offer=offer, actor=actor, published=name == "publish", reason=reason)
    elif name == "withdraw":
        offer_withdrawn(offer=offer, actor=actor)
    unchanged = previous == transition.target
    if unchanged and not record_unchanged:
        return None
    return OfferEvent.objects.create(
        offer=offer,
        kind=OfferEvent.Kind.CONFIRMED if unchanged else OfferEvent.Kind.TRANSITION,
        transition=name,
        actor=actor,
        from_status=previous,
        to_status=transition.target,
        reason=reason,
    )


def offer_transition(*, offer: Offer, name: str, actor=None, reason: str = "") -> Offer:
    """Apply one transition for ``actor`` (None: the platform). Raises a domain error and
    changes nothing when the state, the permission or the reason does not allow it."""
    with transaction.atomic():
        locked = lock_offer(offer.pk)
        _transition(offer=locked, name=name, actor=actor, reason=reason)
    return locked
