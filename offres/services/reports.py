"""Residents report an outdated offer. Its managers hear of it; from OFFER_REPORTS_TO_VERIFY
open reports by different people the offer is shown « à vérifier » until they confirm it."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.predicates import has_verified_email, is_active_account
from core.errors import InvalidInput, InvalidState, VerificationRequired
from core.languages import text_in
from core.permissions import require
from offres import notices
from offres.models import Offer, OfferEvent, OfferReport
from offres.services.state import _transition, lock_offer
from pactes.guards import check_rate, clean_text

MAX_REASON_LENGTH = 1000
REPORTS_PER_DAY = 10


def offer_report(*, actor, offer: Offer, reason: str) -> OfferReport:
    """``actor`` reports ``offer`` as outdated. Who may report is checked first: a person who may
    not (an address still to confirm) hears that, not what is wrong with the reason."""
    with transaction.atomic():
        locked = lock_offer(offer.pk)
        if is_active_account(actor) and not has_verified_email(actor):
            raise VerificationRequired()
        require(actor, "offres.report_offer", locked)
        reason = " ".join(clean_text(reason).split())
        if not reason:
            raise InvalidInput(_("Say what is outdated: the time, the place, the contact…"), code="REASON_REQUIRED")
        if len(reason) > MAX_REASON_LENGTH:
            raise InvalidInput(_("Say it in %(n)d characters at most.") % {"n": MAX_REASON_LENGTH}, code="TOO_LONG")
        check_rate(
            OfferReport.objects.filter(reporter=actor),
            limit=REPORTS_PER_DAY,
            window=timedelta(days=1),
            message=_("You have sent many reports today: please wait until tomorrow."),
        )
        try:
            with transaction.atomic():
                report = OfferReport.objects.create(offer=locked, reporter=actor, reason=reason)
        except IntegrityError as exc:
            raise InvalidState(
                _("You have already reported this offer; its managers will look at it."), code="ALREADY_REPORTED"
            ) from exc
        # The history says that it was reported, not by whom.
        OfferEvent.objects.create(offer=locked, kind=OfferEvent.Kind.REPORTED)
        notices.reported(offer=locked, actor=actor, reason=reason)
        open_reports = OfferReport.objects.filter(offer=locked, resolved_at__isnull=True).count()
        if locked.status == Offer.Status.PUBLISHED and open_reports >= settings.OFFER_REPORTS_TO_VERIFY:
            _transition(
                offer=locked,
                name="mark_to_verify",
                actor=None,
                reason=text_in(locked.language, gettext_lazy("Several residents report that it may be outdated.")),
            )
    return report
