"""The public dashboard /tableau-de-bord/: figures, charts with their text alternative and
table, year and engagement filters, CSV and JSON downloads, bad input, constant query count."""

import csv
import datetime
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from evaluation.dashboard import DASHBOARD_KEYS
from tests.evaluation import indicator_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def engagements(build_programme):
    return build_programme(engagements=2, actions=0, news=0)[1]


@pytest.fixture
def known(engagements, make_user):
    return indicator_data.build(make_user=make_user, engagements=engagements)


def test_dashboard_shows_every_figure_with_a_chart_its_text_and_its_table(known, client):
    response = client.get(reverse("cite_dashboard"), {"annee": 2025})

    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="img"' in html
    # Eight charts, each named and described; a table for each figure but the key figures
    # (volunteers and hours have a table only).
    assert html.count("<svg") == 8
    assert html.count("<title id=") == 8 and html.count("<desc id=") == 8
    assert html.count("<table") == 9
    assert "style=" not in html.split("<main", 1)[-1]  # the CSP forbids inline styles
    assert response.context["year"] == 2025
    key_figures = dict(response.context["key_figures"]["figure"].rows)
    assert key_figures["messages"] == 9 and key_figures["debates"] == 3


def test_dashboard_chart_description_states_the_values(known, client):
    response = client.get(reverse("cite_dashboard"), {"annee": 2025, "engagement": 1})

    shown = {item["figure"].key: item for item in response.context["shown"]}
    chart = str(shown["messages_by_month"]["chart"])
    assert "<desc" in chart and ": 3;" in chart
    assert shown["messages_by_month"]["figure"].engagement == 1


def test_dashboard_withholds_small_age_groups(known, client):
    response = client.get(reverse("cite_dashboard"), {"annee": 2025})

    shown = {item["figure"].key: item for item in response.context["shown"]}
    ages = shown["age_bands"]
    values = [values[0] for _label, values in ages["rows"]]
    assert values[1] == "5"
    assert "1" not in values
    assert "2" in response.content.decode()  # the note says how many groups are withheld
    assert ages["figure"].suppressed == 2


def test_dashboard_without_a_year_shows_the_current_year(engagements, client):
    response = client.get(reverse("cite_dashboard"))

    assert response.status_code == 200
    assert response.context["year"] == response.context["form"].fields["annee"].choices[0][0]


@pytest.mark.parametrize(
    "query", [{"annee": "1999"}, {"annee": "deux-mille"}, {"engagement": "11"}, {"annee": "2025'"}]
)
def test_dashboard_refuses_a_year_or_engagement_it_does_not_offer(engagements, client, query):
    response = client.get(reverse("cite_dashboard"), query)

    assert response.status_code == 400
    assert "<svg" not in response.content.decode()
    assert response.context["form"].errors


@pytest.mark.parametrize("name", ["cite_dashboard_csv", "cite_dashboard_json"])
def test_downloads_refuse_a_bad_year(engagements, client, name):
    response = client.get(reverse(name), {"annee": "abc"}, HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")


def test_csv_holds_every_figure_shown(known, client):
    from offres.models import Offer

    # An offer listed in 2025, so that the offers' figures have a row too.
    offer = Offer.objects.create(title="Chorale", summary="Chanter ensemble.", status="published", neighbourhood="Nord")
    Offer.objects.filter(pk=offer.pk).update(created_at=timezone.make_aware(datetime.datetime(2025, 3, 1)))
    response = client.get(reverse("cite_dashboard_csv"), {"annee": 2025})

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="indicateurs-2025.csv"'
    records = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {record["figure"] for record in records} == set(DASHBOARD_KEYS)
    by_key = {(r["figure"], r["row"], r["series"]): r["value"] for r in records}
    assert by_key[("key_figures", "messages", records[0]["series"])] == "9"
    ages = [r for r in records if r["figure"] == "age_bands"]
    assert [(r["row"], r["value"]) for r in ages] == [("18_29", ""), ("30_44", "5"), ("60_74", "")]
    nord = [r["value"] for r in records if r["figure"] == "by_neighbourhood" and r["row"] == "Nord"]
    assert nord == ["1", "0", "1"]


def test_json_holds_every_figure_shown(known, client):
    response = client.get(reverse("cite_dashboard_json"), {"annee": 2025, "engagement": 1})

    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["year"] == 2025 and data["engagement"] == 1 and data["min_group"] == 5
    figures = {figure["key"]: figure for figure in data["figures"]}
    assert list(figures) == DASHBOARD_KEYS
    assert dict(map(tuple, figures["moderation"]["rows"])) == {"automatic": 1, "human": 2}
    assert figures["by_engagement"]["engagement"] is None
    assert figures["age_bands"]["rows"] == [["18_29", None], ["30_44", 5]]


def _queries(client, path: str, params: dict) -> int:
    client.get(path, params)  # warm the per-process caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", ["cite_dashboard", "cite_dashboard_csv", "cite_dashboard_json"])
def test_dashboard_query_count_does_not_grow_with_the_data(engagements, make_user, client, name):
    path, params = reverse(name), {"annee": 2025}
    indicator_data.build(make_user=make_user, engagements=engagements)
    small = _queries(client, path, params)

    for _ in range(3):
        indicator_data.build(make_user=make_user, engagements=engagements)
    large = _queries(client, path, params)

    assert large == small
    # One query per figure: the figures of the offers, the referrals and the calls for volunteers
    # joined those of the debates and the pacts; the count must not grow with the data.
    assert large <= 17


def test_dashboard_lists_the_published_yearly_reports(engagements, client):
    from evaluation.models import YearlyReportPage
    from programme.models import HomePage
    from tests.programme.conftest import publish

    home = HomePage.objects.get()
    publish(home, YearlyReportPage(title="Point annuel 2025", slug="point-annuel-2025", year=2025))
    draft = YearlyReportPage(title="Point annuel 2026 en préparation", slug="point-annuel-2026", year=2026, live=False)
    home.add_child(instance=draft)

    html = client.get(reverse("cite_dashboard")).content.decode()

    assert 'href="/point-annuel-2025/"' in html
    assert "en préparation" not in html
