"""Reads of offers, shaped for pages with a fixed number of queries."""

from django.db.models import Prefetch, QuerySet

from offres.models import Offer


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
