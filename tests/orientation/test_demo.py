"""The demo: the CCAS's connector with the demo password, two referrals to the Saturday gardening
group once the directory's demo has it, a resident volunteer companion; idempotent."""

import io

from django.conf import settings
from django.contrib.auth import authenticate
from django.utils import timezone

from accounts import demo as accounts_demo
from accounts.models import Membership, Organisation
from offres.models import Offer
from orientation import demo
from orientation.models import Binome, Referral


def test_the_demo_connector_refers_to_the_gardening_group(db, rf):
    accounts_demo.load(stdout=io.StringIO())
    demo.load(stdout=io.StringIO())  # without the offer: the CCAS and the connector only
    assert not Referral.objects.exists()
    Offer.objects.create(
        title=demo.GARDENING,
        kind=Offer.Kind.GROUP,
        summary="Cultiver ensemble.",
        organisation=Organisation.objects.get(slug="jardins-partages"),
        status=Offer.Status.PUBLISHED,
        last_confirmed_at=timezone.now(),
    )
    demo.load(stdout=io.StringIO())
    demo.load(stdout=io.StringIO())
    connector = authenticate(rf.get("/"), username="connecteur@example.org", password=settings.DEMO_PASSWORD)
    assert connector is not None and connector.groups.filter(name="connector").exists()
    membership = Membership.objects.get(user=connector)
    assert membership.organisation.kind == Organisation.Kind.INSTITUTION and "CCAS" in membership.organisation.name
    referrals = Referral.objects.filter(connector=connector)
    assert sorted(r.first_name for r in referrals) == ["Josiane", "Karim"]
    assert all(r.lines.get().offer.title == demo.GARDENING for r in referrals)
    assert Binome.objects.filter(user__email="habitant@example.org").exists()
