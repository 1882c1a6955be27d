import pytest

from offres.models import Offer
from offres.selectors import offers_listed

pytestmark = pytest.mark.django_db


def test_offers_listed_holds_published_and_to_verify_only(make_offer):
    shown = {make_offer(title="A").pk, make_offer(title="B", status=Offer.Status.TO_VERIFY).pk}
    for status in (Offer.Status.SUGGESTED, Offer.Status.WITHDRAWN, Offer.Status.REJECTED):
        make_offer(title=status, status=status)
    assert set(offers_listed().values_list("pk", flat=True)) == shown


def test_detail_shows_a_listed_offer_and_hides_the_others(client, make_offer):
    offer = make_offer(title="Jardinage collectif")
    response = client.get(f"/offres/{offer.pk}/")
    assert response.status_code == 200
    assert "Jardinage collectif" in response.content.decode()
    hidden = make_offer(title="Caché", status=Offer.Status.SUGGESTED)
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get("/offres/99999999/").status_code == 404
