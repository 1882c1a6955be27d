"""Language of parts on the offers (docs/i18n.md): an offer keeps the language it was written in
and is marked with it wherever the page is in the other language."""

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_an_offer_is_in_the_language_it_was_written_in(make_offer):
    french = make_offer(title="Atelier tricot")
    with translation.override("en"):
        english = make_offer(title="Knitting club")

    assert (french.language, english.language) == ("fr", "en")


def test_a_french_offer_on_the_english_site_is_marked_french(client, make_offer):
    offer = make_offer(title="Atelier tricot")

    french = client.get(f"/offres/{offer.pk}/").content.decode()
    english = client.get(f"/en/offres/{offer.pk}/").content.decode()

    assert '<h1><span lang="fr">Atelier tricot</span> <span class="in-language">(in French)</span></h1>' in english
    assert '<p class="lead" lang="fr">' in english
    assert "<h1><span>Atelier tricot</span></h1>" in french and 'lang="fr">' not in french.split("<main", 1)[1]


def test_the_directory_marks_each_offer_in_another_language(client, make_offer):
    make_offer(title="Atelier tricot", schedule="Le mardi de 14 h à 16 h")
    with translation.override("en"):
        make_offer(title="Knitting club")

    french = client.get("/offres/").content.decode()
    english = client.get("/en/offres/").content.decode()

    assert 'lang="en">Knitting club</a>' in french and 'lang="fr">Atelier tricot</a>' not in french
    assert 'lang="fr">Atelier tricot</a>' in english and 'lang="en">Knitting club</a>' not in english
    assert '<span lang="fr">Le mardi de 14 h à 16 h</span>' in english


def test_a_price_and_a_reason_follow_the_typography_of_the_language_read(client, make_offer):
    from offres.models import Offer, OfferEvent

    offer = make_offer(title="Atelier tricot", cost=Offer.Cost.SOLIDARITY, price="5 €")
    OfferEvent.objects.create(offer=offer, kind=OfferEvent.Kind.UPDATED, reason="Modifié : quand")

    french = client.get(f"/offres/{offer.pk}/").content.decode()
    english = client.get(f"/en/offres/{offer.pk}/").content.decode()

    assert "Solidarity price: <span" in english and "Solidarity price :" not in english
    # The reason belongs to the offer's history: in its language, marked so on the English site.
    assert 'Updated: <span lang="fr">Modifié : quand</span>' in english
    assert "Tarif solidaire : <span" in french and "Mise à jour : <span>Modifié : quand</span>" in french
    assert "Tarif solidaire : 5 €" in client.get("/offres/").content.decode()
    assert "Solidarity price: 5 €" in client.get("/en/offres/").content.decode()
