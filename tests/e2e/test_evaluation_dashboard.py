"""The public dashboard in a real browser: accessibility, filter by year with the keyboard,
downloads."""

import json
from pathlib import Path

import pytest
from django.utils import timezone

from tests.e2e.conftest import assert_accessible

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("path", ["/tableau-de-bord/", "/tableau-de-bord/?engagement=4"])
def test_dashboard_has_no_serious_accessibility_violation(page, path):
    response = page.goto(path)

    assert response.status == 200
    assert page.get_by_role("heading", level=1).inner_text() == "Tableau de bord des indicateurs"
    assert page.locator("svg[role='img']").count() >= 1
    assert_accessible(page)


def test_dashboard_filters_by_year_with_the_keyboard_and_without_javascript(new_page):
    page = new_page(javascript=False)
    page.goto("/tableau-de-bord/")
    last_year = timezone.localdate().year - 1

    page.get_by_label("Année").select_option(str(last_year))
    page.get_by_role("button", name="Afficher").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert f"annee={last_year}" in page.url
    assert str(last_year) in page.locator(".key-figures h2").inner_text()
    assert page.get_by_label("Année").input_value() == str(last_year)


def test_dashboard_downloads_csv_and_json(page):
    page.goto("/tableau-de-bord/")

    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    assert download.value.suggested_filename == f"indicateurs-{timezone.localdate().year}.csv"
    raw = Path(download.value.path()).read_bytes()
    assert raw.startswith("\ufefffigure,year,engagement,row,label,series,value".encode())  # BOM for spreadsheets

    response = page.request.get(page.get_by_role("link", name="JSON").get_attribute("href"))
    data = json.loads(response.text())
    assert data["year"] == timezone.localdate().year
    assert {figure["key"] for figure in data["figures"]} >= {"key_figures", "age_bands", "pacts_by_status"}
