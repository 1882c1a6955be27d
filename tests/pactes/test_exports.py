"""Open data: the CSV has the documented columns, the GeoJSON is a FeatureCollection with one
feature per located pact, neither names a person, and both stream at a fixed cost."""

import csv
import io
import json
import re
from pathlib import Path

from django.db import connection
from django.test.utils import CaptureQueriesContext

from pactes.exports import COLUMNS
from pactes.models import Commons, Pact
from tests.pactes import register_helpers
from tests.pactes.register_helpers import bulk_pacts

register_pact = register_helpers.register_pact  # the fixture, for the tests of this module

DOC = Path(__file__).resolve().parents[2] / "docs" / "open-data.md"


def _body(response) -> bytes:
    assert response.streaming
    return b"".join(response.streaming_content)


def _csv(response) -> list[dict]:
    text = _body(response).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_csv_has_the_documented_columns_in_order(client, register_pact):
    register_pact(title="Jardin « partagé » à l’école")
    response = client.get("/pactes/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    header = _body(client.get("/pactes/export.csv")).decode("utf-8")[1:].split("\r\n", 1)[0]
    assert header.split(",") == COLUMNS
    documented = re.findall(r"^\| `([a-z_]+)` \|", DOC.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert documented[: len(COLUMNS)] == COLUMNS
    [row] = _csv(client.get("/pactes/export.csv"))
    assert row["title"] == "Jardin « partagé » à l’école"
    assert row["status"] == "active"
    assert row["url"].endswith(f"/pactes/{row['id']}/")


def test_exports_follow_the_register_filters_and_refuse_forged_ones(client, register_pact):
    register_pact(title="Jardin")
    register_pact(title="Rue", kind=Commons.Kind.STREET)
    assert [r["title"] for r in _csv(client.get("/pactes/export.csv?bien=street"))] == ["Rue"]
    assert client.get("/pactes/export.csv?statut=draft").status_code == 400
    assert client.get("/pactes/export.geojson?bien=volcan").status_code == 400


def test_geojson_is_a_feature_collection_with_one_feature_per_located_pact(client, register_pact):
    located = register_pact(title="Jardin situé")
    register_pact(title="Salle sans adresse", located=False)
    register_pact(title="Brouillon situé", status=Pact.Status.DRAFT, submitted=False)
    response = client.get("/pactes/export.geojson")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/geo+json")
    data = json.loads(_body(response).decode("utf-8"))
    assert data["type"] == "FeatureCollection"
    assert [f["properties"]["title"] for f in data["features"]] == ["Jardin situé"]
    [feature] = data["features"]
    assert feature["type"] == "Feature"
    assert feature["geometry"]["type"] == "Point"
    longitude, latitude = feature["geometry"]["coordinates"]
    assert (latitude, longitude) == (float(located.commons.latitude), float(located.commons.longitude))
    assert set(feature["properties"]) == set(COLUMNS) - {"latitude", "longitude"}


def test_exports_contain_no_unconsented_personal_data(client, register_pact, make_user):
    pact = register_pact(title="Rue fleurie", party="person")
    person = pact.parties.get(person__isnull=False).person
    person.display_name = "Prénom Discret"
    person.save()
    csv_text = _body(client.get("/pactes/export.csv")).decode("utf-8")
    geojson_text = _body(client.get("/pactes/export.geojson")).decode("utf-8")
    for text in (csv_text, geojson_text):
        assert person.email not in text
        assert "Prénom Discret" not in text
        assert "@" not in text
    [row] = _csv(client.get("/pactes/export.csv"))
    assert row["individual_parties"] == "1"
    assert row["party_kinds"] == "city_department ; person"


def test_exports_stream_many_pacts_at_a_fixed_number_of_queries(client, db):
    bulk_pacts(1_200, commons=100)
    with CaptureQueriesContext(connection) as queries:
        rows = _csv(client.get("/pactes/export.csv"))
    assert len(rows) == 1_200
    # The filter form (2), then per chunk of 500 pacts: the pacts and their parties.
    assert len(queries) <= 2 + 2 * 3
    assert rows[0]["organisations"] == "Association en nombre"
    with CaptureQueriesContext(connection) as queries:
        data = json.loads(_body(client.get("/pactes/export.geojson")))
    assert len(data["features"]) == 1_200
    assert len(queries) <= 2 + 2 * 3
