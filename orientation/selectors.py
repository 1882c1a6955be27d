"""Reads of referrals, each scoped to the person asking (see ``predicates``), with a fixed
number of queries whatever their number."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from offres.models import Offer
from offres.predicates import represented_organisation_ids
from orientation.models import Binome, FollowUp, Referral, ReferralOffer


def listed_offers() -> QuerySet[Offer]:
    """The offers a connector may refer to: those the public directory lists."""
    try:
        from offres.selectors import offers_listed
    except ImportError:  # the directory's selector is not there yet
        return Offer.objects.filter(status__in=(Offer.Status.PUBLISHED, Offer.Status.TO_VERIFY))
    return offers_listed()


def offers_to_choose() -> QuerySet[Offer]:
    return listed_offers().select_related("organisation").order_by("title", "pk")


def _lines() -> QuerySet[ReferralOffer]:
    return ReferralOffer.objects.select_related("offer__organisation", "referral", "binome__user")


def referrals_of_connector(*, user) -> QuerySet[Referral]:
    """The connector's own referrals (never a colleague's), newest first, with their offers."""
    return (
        Referral.objects.filter(connector=user, erased_at__isnull=True)
        .prefetch_related(Prefetch("lines", queryset=_lines().prefetch_related("follow_ups")))
        .order_by("-created_at", "-pk")
    )


def referral_for_page(*, referral_id: int) -> Referral | None:
    return (
        Referral.objects.filter(pk=referral_id, erased_at__isnull=True)
        .select_related("organisation")
        .prefetch_related(Prefetch("lines", queryset=_lines().prefetch_related("follow_ups")))
        .first()
    )


def line_for_page(*, line_id: int) -> ReferralOffer | None:
    return _lines().filter(pk=line_id, referral__erased_at__isnull=True).first()


def follow_up_for_action(*, follow_up_id: int) -> FollowUp | None:
    return FollowUp.objects.select_related("line__referral", "line__offer").filter(pk=follow_up_id).first()


def lines_received_by(*, user) -> QuerySet[ReferralOffer]:
    """The referrals to the offers of the organisations ``user`` represents."""
    organisations = represented_organisation_ids(user)
    if not organisations:
        return ReferralOffer.objects.none()
    return (
        _lines()
        .filter(offer__organisation__in=organisations, referral__erased_at__isnull=True)
        .order_by("-referral__created_at", "-pk")
    )


def pairings_of(*, user) -> QuerySet[ReferralOffer]:
    """The first visits ``user`` comes along to, as a volunteer companion."""
    return (
        _lines()
        .filter(binome__user=user, referral__erased_at__isnull=True)
        .order_by("binome_meeting_on", "-referral__created_at", "-pk")
    )


def binomes_available() -> QuerySet[Binome]:
    return Binome.objects.filter(user__is_active=True, user__deleted_at__isnull=True).select_related("user")


def binome_of(*, user) -> Binome | None:
    if not user.is_authenticated:
        return None
    return Binome.objects.filter(user=user).first()
