"""Reads of offers, shaped for pages with a fixed number of queries."""

import datetime as dt

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from offres.models import Offer, OfferEvent, OfferReport


def offers_listed() -> QuerySet[Offer]:
    """The offers the public directory shows: published, and those waiting to be verified
    (listed with a warning)."""
    return Offer.objects.filter(status__in=(Offer.Status.PUBLISHED, Offer.Status.TO_VERIFY))


def offer_for_page(*, offer_id: int) -> Offer | None:
    """One offer with what its page shows (its organisation and engagements), whatever its status."""
    from programme.models import EngagementPage

    return (
        Offer.objects.select_related("organisation")
        .prefetch_related(Prefetch("engagements", queryset=EngagementPage.objects.order_by("path")))
        .filter(pk=offer_id)
        .first()
    )


def offer_history(*, offer: Offer) -> list[OfferEvent]:
    """The public history of an offer, oldest first (one query)."""
    return list(offer.events.select_related("actor").order_by("created_at", "pk"))


def open_reports(*, offer: Offer) -> list[OfferReport]:
    """Residents' reports not answered yet; for the offer's managers only (one query)."""
    return list(offer.reports.filter(resolved_at__isnull=True).order_by("created_at", "pk"))


def has_open_report(*, offer: Offer, user) -> bool:
    """Whether ``user`` has reported ``offer`` and its managers have not answered yet."""
    if not getattr(user, "is_authenticated", False):
        return False
    return OfferReport.objects.filter(offer=offer, reporter=user, resolved_at__isnull=True).exists()


def confirmation_due_on(*, offer: Offer) -> dt.date | None:
    """The day the offer's managers are asked to confirm it by (no query)."""
    if offer.last_confirmed_at is None:
        return None
    return timezone.localdate(offer.last_confirmed_at) + dt.timedelta(days=settings.OFFER_CONFIRM_EVERY_DAYS)


def offers_managed_by(*, user) -> QuerySet[Offer]:
    """The offers ``user`` manages: every offer for a city agent, those of the organisations
    they represent otherwise (withdrawn and declined ones included, to find them again)."""
    from accounts.predicates import is_city_agent
    from offres.predicates import represented_organisation_ids

    offers = Offer.objects.select_related("organisation").annotate(
        open_reports=Count("reports", filter=Q(reports__resolved_at__isnull=True))
    )
    if not is_city_agent(user):
        offers = offers.filter(organisation_id__in=represented_organisation_ids(user))
    return offers.order_by("title", "pk")
