"""A person's suggestions and reports are in their account export and go with their account;
published offers stay."""

import pytest

from accounts.services import account_delete, account_export
from offres.models import Offer, OfferReport
from offres.services import offer_report, offer_suggest

pytestmark = pytest.mark.django_db


def test_export_and_erasure_of_suggestions_and_reports(people, make_offer):
    published = make_offer(title="Chorale", created_by=people.resident)
    suggestion = offer_suggest(actor=people.resident, data={"title": "Couture", "summary": "Coudre ensemble."})
    offer_report(actor=people.resident, offer=published, reason="Plus le lundi.")

    data = account_export(actor=people.resident, user=people.resident)["offres"]
    assert {o["title"] for o in data["offers"]} == {"Chorale", "Couture"}
    assert [r["reason"] for r in data["reports"]] == ["Plus le lundi."]
    assert account_export(actor=people.other, user=people.other)["offres"] == {"offers": [], "reports": []}

    account_delete(actor=people.resident, user=people.resident)
    assert not Offer.objects.filter(pk=suggestion.pk).exists()
    assert not OfferReport.objects.exists()
    assert Offer.objects.filter(pk=published.pk).exists()
