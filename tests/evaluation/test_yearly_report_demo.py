"""The demo's published yearly report, over the demo data of every app."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from evaluation import demo as demo_report
from evaluation.models import FrozenFigure, YearlyReportPage

pytestmark = pytest.mark.django_db


def test_demo_report_is_published_with_figures_frozen_over_the_demo_data(client):
    call_command("load_demo", force=True, stdout=io.StringIO())
    demo_report.load(stdout=io.StringIO())
    demo_report.load(stdout=io.StringIO())  # idempotent

    (report,) = YearlyReportPage.objects.live()
    assert report.year == timezone.localdate().year
    frozen = {(row.key, row.engagement): row.figure for row in FrozenFigure.objects.filter(page=report)}
    assert {key for key, _engagement in frozen} >= {
        "key_figures",
        "messages_by_month",
        "volunteering",
        "age_bands",
        "referrals",
        "offers_by_neighbourhood",
        "offers_by_audience",
    }
    key_figures = dict(map(tuple, frozen[("key_figures", 0)].rows))
    assert key_figures["messages"] > 0 and key_figures["debates"] >= 1
    assert dict(map(tuple, frozen[("pacts_by_status", 0)].rows))["active"] >= 1

    response = client.get(report.url)
    assert response.status_code == 200
    assert response.content.decode().count('role="img"') >= 3  # messages by month, pacts, engagements
    assert client.get(f"{report.url}pdf/")["Content-Type"] == "application/pdf"
