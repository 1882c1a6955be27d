"""Renewing a pact: a new proposal pre-filled from the last signed version, linked to it.

The renewal is a draft of its own that goes through review, consultation, co-design and
signing like any pact; when it becomes active, the pact it renews ends with the reason
``renewed`` (``workflow._on_activate``).
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from core.errors import InvalidState
from core.languages import text_in
from core.permissions import require
from pactes.models import Pact, PactEvent, Party
from pactes.services.state import lock_pact
from pactes.services.versions import write_version

S = Pact.Status


def _same_length(start: dt.date, old_start: dt.date, old_end: dt.date) -> dt.date:
    """The end of a period from ``start`` as long, in whole months, as the old one."""
    months = max(1, round(((old_end - old_start).days + 1) / 30.44))
    year, month = divmod(start.month - 1 + months, 12)
    try:
        after = start.replace(year=start.year + year, month=month + 1)
    except ValueError:  # the 29th to 31st of a shorter month: the first of the next one
        after = (start.replace(day=1, year=start.year + year, month=month + 1) + dt.timedelta(days=32)).replace(day=1)
    return after - dt.timedelta(days=1)


def pact_renew(*, actor: User, pact: Pact) -> Pact:
    """Start the renewal of an active, suspended or ended pact, for one of its proponents.

    The text, title, commons, engagement and parties (the city's is added again when the
    review starts) come from the last signed version; the dates follow on from its end with the
    same length. One renewal under way at a time."""
    with transaction.atomic():
        old = lock_pact(pact.pk)
        require(actor, "pactes.renew_pact", old)
        signed = old.frozen_version
        if signed is None:
            raise InvalidState(_("This pact has no signed version to start from."), code="NO_SIGNED_VERSION")
        if old.renewals.exclude(status__in=[S.WITHDRAWN, S.REJECTED]).exists():
            raise InvalidState(_("A renewal of this pact is already under way."), code="ALREADY_RENEWED")
        new = Pact.objects.create(
            title=signed.title,
            language=old.language,
            type=old.type,
            commons=old.commons,
            engagement=old.engagement,
            proponent_kind=old.proponent_kind,
            idea=old.idea,
            activities=old.activities,
            beneficiaries=old.beneficiaries,
            duration_months=old.duration_months,
            periodicity=old.periodicity,
            own_resources=old.own_resources,
            support_requested=old.support_requested,
            # The proponents published the pact they renew; the renewal is published the same way.
            publication_consent=old.publication_consent,
            created_by=actor,
            renewal_of=old,
        )
        for party in old.parties.exclude(role=Party.Role.CITY).order_by("pk"):
            Party.objects.create(pact=new, role=party.role, organisation=party.organisation, person=party.person)
        start = max(signed.end_date + dt.timedelta(days=1), timezone.localdate()) if signed.end_date else None
        end = (
            _same_length(start, signed.start_date, signed.end_date)
            if start and signed.start_date and signed.end_date
            else None
        )
        write_version(
            pact=new,
            actor=actor,
            clauses=[{"key": c.key, "heading": c.heading, "body": c.body} for c in signed.clauses.order_by("position")],
            note=text_in(
                new.language,
                gettext_lazy("Renewal of pact no. %(id)s, from its signed version %(n)s"),
                id=old.pk,
                n=signed.number,
            ),
            title=signed.title,
            start_date=start,
            end_date=end,
            keep_dates=False,
        )
        PactEvent.objects.create(pact=old, kind=PactEvent.Kind.RENEWAL, actor=actor, reason=str(new.pk))
    return new
