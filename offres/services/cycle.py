"""The confirmation cycle: every OFFER_CONFIRM_EVERY_DAYS the managers of a published offer are
asked whether it is still current; OFFER_CONFIRM_GRACE_DAYS later, unconfirmed, it is shown
« à vérifier ». Confirming (or updating) it starts the cycle again (``state._transition``)."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy

from core.errors import InvalidState
from core.languages import text_in
from offres import notices
from offres.models import Offer, OfferEvent
from offres.services.state import _transition, lock_offer


def confirmation_cycle(*, now=None) -> dict[str, list[int]]:
    """Ask for the confirmations due and mark to verify the offers past their grace period.
    Safe to run twice: an offer already asked, or already marked, is skipped."""
    now = now or timezone.now()
    every = timedelta(days=settings.OFFER_CONFIRM_EVERY_DAYS)
    grace = timedelta(days=settings.OFFER_CONFIRM_GRACE_DAYS)
    asked, marked = [], []
    published = Offer.objects.filter(status=Offer.Status.PUBLISHED)
    due = published.filter(confirmation_asked_at__isnull=True).filter(
        Q(last_confirmed_at__lte=now - every) | Q(last_confirmed_at__isnull=True, status_changed_at__lte=now - every)
    )
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            offer = lock_offer(pk)
            if offer.status != Offer.Status.PUBLISHED or offer.confirmation_asked_at is not None:
                continue
            offer.confirmation_asked_at = now
            offer.save(update_fields=["confirmation_asked_at"])
            OfferEvent.objects.create(offer=offer, kind=OfferEvent.Kind.REMINDED)
            notices.confirmation_asked(offer=offer, due_on=timezone.localdate(now + grace).isoformat())
            asked.append(pk)
    late = published.filter(confirmation_asked_at__lte=now - grace)
    for pk in late.values_list("pk", flat=True):
        with transaction.atomic():
            offer = lock_offer(pk)
            try:
                _transition(
                    offer=offer,
                    name="mark_to_verify",
                    actor=None,
                    reason=text_in(offer.language, gettext_lazy("Not confirmed by its managers in time.")),
                )
            except InvalidState:
                continue  # confirmed or withdrawn meanwhile
            marked.append(pk)
    return {"asked": asked, "marked": marked}
