"""Places: the offline geocoder, the commons' location in the proposal, the maps' markup."""

from decimal import Decimal

import pytest
from django.urls import reverse

from pactes.geocoding import OfflineGeocoder, geocode, neighbourhood_centroids, neighbourhood_of
from pactes.models import Commons, Pact
from tests.pactes.test_views import _proposal


def test_offline_geocoder_reads_coordinates_in_french_or_english_notation():
    for text in ("48.8566, 2.3522", "48,8566 ; 2,3522", "48.8566 2.3522"):
        (place,) = OfflineGeocoder().search(text)
        assert (place.latitude, place.longitude) == (Decimal("48.8566"), Decimal("2.3522"))
        assert place.neighbourhood == "Quartier des Fleurs"


def test_offline_geocoder_gives_a_neighbourhood_centroid_inside_it():
    (place,) = OfflineGeocoder().search("quartier des fleurs")
    assert place.label == "Quartier des Fleurs"
    assert neighbourhood_of(float(place.latitude), float(place.longitude)) == "Quartier des Fleurs"
    assert set(neighbourhood_centroids()) == {"Centre", "Quartier des Fleurs", "Les Rives", "La Gare"}


@pytest.mark.parametrize("text", ["", "12 rue Inconnue", "95.0, 2.35", "48.85, 200"])
def test_offline_geocoder_finds_nothing_for_unknown_places_or_out_of_range_coordinates(text):
    assert geocode(text) == []


def test_tests_use_the_offline_geocoder(settings):
    assert settings.PACT_GEOCODER == "offline" and settings.PACT_MAP_TILES_URL == ""


def test_proposal_stores_the_point_picked_on_the_map(client_for, resident):
    data = _proposal(new_commons_latitude="48.859000", new_commons_longitude="2.340000", new_commons_neighbourhood="")
    assert client_for(resident).post("/pactes/proposer/", data).status_code == 302
    commons = Pact.objects.get().commons
    assert (commons.latitude, commons.longitude) == (Decimal("48.859000"), Decimal("2.340000"))
    assert commons.neighbourhood == "Centre"  # found from the outline


def test_proposal_without_a_point_is_placed_from_its_neighbourhood(client_for, resident):
    data = _proposal(new_commons_neighbourhood="Les Rives")
    assert client_for(resident).post("/pactes/proposer/", data).status_code == 302
    commons = Pact.objects.get().commons
    assert commons.latitude is not None
    assert neighbourhood_of(float(commons.latitude), float(commons.longitude)) == "Les Rives"


def test_proposal_with_half_a_point_or_forged_coordinates_is_refused(client_for, resident):
    client = client_for(resident)
    response = client.post("/pactes/proposer/", _proposal(new_commons_latitude="48.85"))
    assert response.status_code == 400 or "longitude" in response.text.lower()
    response = client.post("/pactes/proposer/", _proposal(new_commons_latitude="123", new_commons_longitude="2.35"))
    assert response.status_code != 302
    assert not Pact.objects.exists() and not Commons.objects.exists()


def test_geocode_endpoint_needs_a_login_and_a_query(client_for, resident):
    url = reverse("pactes:geocode")
    assert client_for(None).get(url, {"q": "Centre"}).status_code == 302
    client = client_for(resident)
    assert client.get(url).status_code == 400
    assert client.get(url, {"q": "x" * 201}).status_code == 400
    body = client.get(url, {"q": "Centre"}).json()
    assert body["results"][0]["label"] == "Centre"


def test_neighbourhoods_outline_is_served_as_geojson(client):
    response = client.get(reverse("pactes:neighbourhoods"))
    assert response.status_code == 200 and response["Content-Type"] == "application/geo+json"
    assert len(response.json()["features"]) == 4


def test_proposal_form_has_the_map_picker_and_groups_shown_by_choice(client_for, resident):
    page = client_for(resident).get("/pactes/proposer/").text
    assert 'data-map="picker"' in page and 'data-neighbourhoods-url="/pactes/quartiers.geojson"' in page
    for choice in ("organisation", "informal_group", "new-commons"):
        assert f'class="reveal reveal--{choice}"' in page
    assert 'name="new_commons_latitude"' in page and 'name="new_commons_longitude"' in page


def test_pact_page_and_commons_page_show_the_commons_map(client, make_pact):
    pact = make_pact(status=Pact.Status.CONSULTATION)
    commons = pact.commons
    page = client.get(pact.get_absolute_url()).text
    assert 'data-map="point"' not in page  # no location yet: no empty map
    Commons.objects.filter(pk=commons.pk).update(latitude="48.856600", longitude="2.352200")
    page = client.get(pact.get_absolute_url()).text
    assert 'data-map="point"' in page and 'data-latitude="48.856600"' in page
    page = client.get(commons.get_absolute_url()).text
    assert 'data-map="point"' in page and pact.title in page


def test_commons_page_of_an_unchecked_commons_is_only_for_who_suggested_it(client_for, resident, other_resident):
    commons = Commons.objects.create(name="Friche du canal", suggested_by=resident)
    assert client_for(other_resident).get(commons.get_absolute_url()).status_code == 404
    assert client_for(None).get(commons.get_absolute_url()).status_code == 404
    assert client_for(resident).get(commons.get_absolute_url()).status_code == 200


def test_register_map_draws_the_neighbourhoods_when_no_tiles_are_set(db, client, settings):
    settings.PACT_MAP_TILES_URL = ""
    page = client.get("/pactes/").text
    assert 'data-map="register"' in page and 'data-neighbourhoods-url="/pactes/quartiers.geojson"' in page
    assert "pactes/maps.js" in page


def test_commons_admin_form_has_the_map_picker_and_places_from_the_neighbourhood(client_for, superuser):
    client = client_for(superuser)
    page = client.get("/django-admin/pactes/commons/add/")
    assert page.status_code == 200 and 'data-map="picker"' in page.text
    assert 'data-latitude-input="id_latitude"' in page.text
    response = client.post(
        "/django-admin/pactes/commons/add/",
        {"name": "Square de la gare", "kind": "square", "neighbourhood": "La Gare", "photo_alt": ""},
    )
    assert response.status_code == 302, response.text[:3000]
    commons = Commons.objects.get(name="Square de la gare")
    assert neighbourhood_of(float(commons.latitude), float(commons.longitude)) == "La Gare"
