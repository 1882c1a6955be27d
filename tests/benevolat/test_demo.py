"""The demo's calls for volunteers: one on the offer « Jardinage collectif du samedi », one on the
active demo pact, each with the demo resident accepted and hours recorded; idempotent."""

import io

import pytest
from django.core.management import call_command

from accounts.models import Organisation
from benevolat import demo
from benevolat.models import Answer, Call, GivenHours
from offres.models import Offer

pytestmark = pytest.mark.django_db


def test_demo_calls_with_a_volunteer_accepted_and_hours(client):
    call_command("load_demo", force=True, stdout=io.StringIO())
    if not Offer.objects.filter(title=demo.OFFER_TITLE).exists():
        # The offers' demo lives on another branch: made here as it makes it.
        Offer.objects.create(
            title=demo.OFFER_TITLE,
            summary="Cultiver ensemble.",
            organisation=Organisation.objects.get(slug="jardins-partages"),
            status=Offer.Status.PUBLISHED,
            neighbourhood="Quartier des Fleurs",
        )
    demo.load(stdout=io.StringIO())
    demo.load(stdout=io.StringIO())

    assert set(Call.objects.values_list("title", flat=True)) == {demo.GARDEN_CALL, demo.YARD_CALL}
    assert Answer.objects.filter(status="accepted", volunteer__email="habitant@example.org").count() == 2
    assert GivenHours.objects.exists()
    response = client.get("/benevolat/")
    assert demo.YARD_CALL in response.content.decode()
