"""Fixtures of the offer tests: offers in any status, the people who manage them."""

import pytest
from django.utils import timezone

from offres.models import Offer


@pytest.fixture
def make_offer(db):
    """``make_offer(title=..., status=..., **fields)`` -> an offer (published by default)."""

    def make(*, title="Atelier tricot", status=Offer.Status.PUBLISHED, **fields):
        fields.setdefault("summary", "Tricoter ensemble, débutants bienvenus.")
        if status in (Offer.Status.PUBLISHED, Offer.Status.TO_VERIFY):
            fields.setdefault("last_confirmed_at", timezone.now())
        return Offer.objects.create(title=title, status=status, **fields)

    return make
