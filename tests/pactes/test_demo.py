"""The demo pacts load through the services, link to engagement 4 when it exists, and loading
twice changes nothing."""

import io

from django.core.management import call_command

from pactes.demo import ACTIVE_TITLE, CONSULTATION_TITLE
from pactes.models import Pact, PactVersion, Signature


def _load():
    call_command("load_demo", force=True, stdout=io.StringIO())


def test_demo_loads_a_pact_in_consultation_and_an_active_signed_pact(db):
    _load()
    consultation = Pact.objects.get(title=CONSULTATION_TITLE)
    active = Pact.objects.get(title=ACTIVE_TITLE)
    assert consultation.status == Pact.Status.CONSULTATION and consultation.consultation_ends_at
    assert active.status == Pact.Status.ACTIVE
    emails = {s.signer.email for s in Signature.objects.filter(version=active.frozen_version, voided_at__isnull=True)}
    assert emails == {"association@example.org", "agent@example.org"}
    for pact in (consultation, active):
        assert {p.role for p in pact.parties.all()} == {"proponent", "city"}
    from programme.models import EngagementPage

    engagement = EngagementPage.objects.filter(number=4).first()
    assert active.engagement == engagement and consultation.engagement == engagement
    counts = (Pact.objects.count(), PactVersion.objects.count(), Signature.objects.count())
    _load()
    assert (Pact.objects.count(), PactVersion.objects.count(), Signature.objects.count()) == counts
