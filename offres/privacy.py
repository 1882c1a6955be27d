"""What the directory holds about a person: exported on request, erased with the account.

Published offers are run by organisations and are a public record: they stay (their author is
not shown). A resident's suggestions never published and their reports of outdated offers are
not public: they go with the account.
"""

from offres.models import Offer, OfferReport

UNPUBLISHED = (Offer.Status.SUGGESTED, Offer.Status.REJECTED)


def export_user_data(*, user) -> dict:
    return {
        "offers": [
            {"id": o.pk, "title": o.title, "status": o.status, "created_at": o.created_at.isoformat()}
            for o in Offer.objects.filter(created_by=user).order_by("pk")
        ],
        "reports": [
            {
                "offer": r.offer_id,
                "reason": r.reason,
                "created_at": r.created_at.isoformat(),
                "resolved_at": r.resolved_at.isoformat() if r.resolved_at else None,
            }
            for r in OfferReport.objects.filter(reporter=user).order_by("pk")
        ],
    }


def erase_user_data(*, user) -> None:
    OfferReport.objects.filter(reporter=user).delete()
    Offer.objects.filter(created_by=user, status__in=UNPUBLISHED).delete()
