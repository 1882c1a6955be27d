"""Offers serve the French engagement page; its English translation lists the same offers,
marked as French, and links to the directory filtered on the French page."""

import pytest
from django.utils import timezone

from offres.models import Offer

pytestmark = pytest.mark.django_db


def test_an_engagements_translation_lists_the_offers_of_its_french_page(client, bilingual):
    french, english = bilingual["engagements"][0], bilingual["english_engagement"]
    offer = Offer.objects.create(
        title="Atelier tricot",
        summary="Tricoter ensemble.",
        status=Offer.Status.PUBLISHED,
        last_confirmed_at=timezone.now(),
    )
    offer.engagements.add(french)

    french_page = client.get(french.url).content.decode()
    english_page = client.get(english.url).content.decode()

    assert f'href="/offres/{offer.pk}/">Atelier tricot</a>' in french_page
    assert f'href="/en/offres/{offer.pk}/" lang="fr">Atelier tricot</a>' in english_page
    assert f"?engagement={french.pk}" in english_page and f"?engagement={english.pk}" not in english_page


def test_the_offer_form_offers_only_the_french_engagements(bilingual):
    from accounts.models import Organisation
    from offres.forms import OfferForm

    form = OfferForm(organisations=Organisation.objects.all())

    assert set(form.fields["engagements"].queryset) == set(bilingual["engagements"])
