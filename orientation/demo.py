"""Demo referrals: the CCAS, its connector, two people referred to the Saturday gardening group
(one came, one will be accompanied by a volunteer companion). Skipped quietly when the offer is
not in the demo (the directory's demo makes it)."""

import datetime as dt

from django.conf import settings
from django.utils import timezone

from accounts.models import Membership, Organisation, User
from offres.models import Offer
from orientation import consent
from orientation.models import Binome, FollowUp, Referral, ReferralOffer
from orientation.services.common import add_months

GARDENING = "Jardinage collectif du samedi"


def _next_saturday() -> dt.date:
    today = timezone.localdate()
    return today + dt.timedelta(days=(5 - today.weekday()) % 7 or 7)


def load(*, stdout) -> None:
    connector = User.objects.filter(email="connecteur@example.org").first()
    if connector is None:
        return
    ccas, _ = Organisation.objects.get_or_create(
        slug="ccas",
        defaults={
            "name": f"CCAS de {settings.CITY_NAME}",
            "kind": Organisation.Kind.INSTITUTION,
            "description": "Centre communal d’action sociale : accueil, accompagnement, orientation.",
        },
    )
    Membership.objects.get_or_create(user=connector, organisation=ccas, defaults={"role": Membership.Role.MEMBER})
    resident = User.objects.filter(email="habitant@example.org").first()
    binome = None
    if resident is not None:
        binome, _ = Binome.objects.get_or_create(user=resident, defaults={"neighbourhood": "Centre"})
    offer = Offer.objects.filter(title=GARDENING).first()
    if offer is None or Referral.objects.filter(connector=connector).exists():
        return
    now = timezone.now()
    text = consent.consent_text(organisation_name=ccas.name)
    for first_name, contact, days_ago, came in [("Josiane", "", 40, True), ("Karim", "06 12 34 56 78", 3, False)]:
        created = now - dt.timedelta(days=days_ago)
        referral = Referral.objects.create(
            connector=connector,
            organisation=ccas,
            first_name=first_name,
            contact=contact,
            consent_text=text,
            consented_at=created,
            token_hash=consent.new_secret()[1],
        )
        Referral.objects.filter(pk=referral.pk).update(created_at=created)
        line = ReferralOffer.objects.create(
            referral=referral,
            offer=offer,
            attendance=ReferralOffer.Attendance.CAME if came else ReferralOffer.Attendance.PENDING,
            attendance_on=(created + dt.timedelta(days=3)).date() if came else None,
            binome=None if came else binome,
            binome_meeting_on=None if came or binome is None else _next_saturday(),
        )
        for months in settings.ORIENTATION_FOLLOW_UP_MONTHS:
            FollowUp.objects.create(line=line, months=months, due_on=add_months(created.date(), months))
    stdout.write("demo: two referrals to the Saturday gardening group")
