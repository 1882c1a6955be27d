"""The yearly report ("point annuel ville du lien"): indicator blocks show live figures while a
draft, freeze them at publication (also through the elected official's approval), and keep
them afterwards whatever new data arrives; PDF export."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from cite.blocks import IndicatorBlock
from cite.models import FrozenFigure, YearlyReportPage
from cite.reports import report_freeze
from tests.cite import indicator_data
from tests.cite.conftest import publish

pytestmark = pytest.mark.django_db


def indicator(figure: str, engagement: str = "") -> dict:
    return {"type": "indicator", "value": {"figure": figure, "engagement": engagement}}


@pytest.fixture
def engagements(build_programme):
    return build_programme(engagements=2, actions=0, news=0)[1]


@pytest.fixture
def known(engagements, make_user):
    return indicator_data.build(make_user=make_user, engagements=engagements)


def draft_report(home, engagements, *, body=None) -> YearlyReportPage:
    report = YearlyReportPage(
        title="Point annuel 2025",
        slug="point-annuel-2025",
        year=2025,
        summary="Une année de liens.",
        body=body
        or [
            {"type": "engagement", "value": {"engagement": engagements[0].pk, "text": "<p>Le jardin a ouvert.</p>"}},
            indicator("key_figures"),
            indicator("by_neighbourhood"),
            indicator("summary", "1"),
        ],
    )
    home.add_child(instance=report)
    report.save_revision()
    return report


def figure_values(response, key: str, engagement: int | None = None) -> list:
    return next(
        shown["figure"].rows
        for shown in _shown(response)
        if shown["figure"].key == key and shown["figure"].engagement == engagement
    )


def _shown(response):
    page = response.context["page"]
    return [page.figure_shown(key=key, engagement=engagement) for key, engagement in page.indicator_requests()]


def test_publishing_freezes_each_indicator_block(home, engagements, known):
    report = draft_report(home, engagements)

    report.get_latest_revision().publish()

    frozen = {(row.key, row.engagement): row.data["rows"] for row in FrozenFigure.objects.filter(page=report)}
    assert set(frozen) == {("key_figures", 0), ("by_neighbourhood", 0), ("summary", 1)}
    assert dict(map(tuple, frozen[("key_figures", 0)]))["messages"] == 9
    assert frozen[("by_neighbourhood", 0)] == [["Centre", 1, 1, 1], ["Nord", 1, 0, 1]]
    assert dict(map(tuple, frozen[("summary", 1)]))["messages"] == 6


def test_published_report_keeps_its_figures_after_new_data(home, engagements, known, make_user, client):
    report = draft_report(home, engagements)
    report.get_latest_revision().publish()
    before = client.get(report.url)
    frozen_rows = figure_values(before, "key_figures")

    indicator_data.build(make_user=make_user, engagements=engagements)  # the same again: twice the data
    after = client.get(report.url)

    assert after.status_code == 200
    assert figure_values(after, "key_figures") == frozen_rows
    assert dict(map(tuple, figure_values(after, "key_figures")))["messages"] == 9
    assert "Live figure" not in after.content.decode()
    # The live data did change: the dashboard shows the new figures.
    dashboard = client.get(reverse("cite_dashboard"), {"annee": 2025})
    assert dict(map(tuple, dashboard.context["key_figures"]["figure"].rows))["messages"] == 18


def test_republishing_changes_no_frozen_figure_and_freezes_a_new_block(home, engagements, known, make_user):
    report = draft_report(home, engagements)
    report.get_latest_revision().publish()
    first = {(row.key, row.engagement): (row.data, row.frozen_at) for row in FrozenFigure.objects.filter(page=report)}
    indicator_data.build(make_user=make_user, engagements=engagements)

    report = YearlyReportPage.objects.get(pk=report.pk)
    report.body = [*report.body.raw_data, indicator("appeals")]
    report.title = "Point annuel 2025 (corrigé)"
    report.save_revision().publish()

    again = {(row.key, row.engagement): (row.data, row.frozen_at) for row in FrozenFigure.objects.filter(page=report)}
    for key, value in first.items():
        assert again[key] == value
    assert dict(map(tuple, again[("appeals", 0)][0]["rows"])) == {"pending": 2, "upheld": 0, "dismissed": 2}


def test_draft_shows_live_figures_marked_as_such(home, engagements, known, editor, client_for):
    report = draft_report(home, engagements)

    response = client_for(editor).get(reverse("wagtailadmin_pages:preview_on_edit", args=(report.pk,)))
    page = YearlyReportPage.objects.get(pk=report.pk).get_latest_revision_as_object()
    shown = page.figure_shown(key="key_figures", engagement="")

    assert response.status_code == 200
    assert shown["frozen"] is False
    assert dict(map(tuple, shown["figure"].rows))["messages"] == 9
    assert not FrozenFigure.objects.filter(page=report).exists()


def test_freezing_twice_creates_nothing_more(home, engagements, known):
    report = draft_report(home, engagements)
    report.get_latest_revision().publish()

    assert report_freeze(page=YearlyReportPage.objects.get(pk=report.pk)) == []
    assert FrozenFigure.objects.filter(page=report).count() == 3


def test_an_unknown_figure_in_the_stream_is_skipped(home, engagements, known, client):
    report = draft_report(home, engagements, body=[indicator("key_figures")])
    report = YearlyReportPage.objects.get(pk=report.pk)

    assert report.figure_shown(key="no-such-figure", engagement="") is None


def test_published_report_page_shows_charts_tables_and_a_pdf_link(home, engagements, known, client):
    report = draft_report(home, engagements)
    report.get_latest_revision().publish()

    response = client.get(report.url)
    html = response.content.decode()

    assert response.status_code == 200
    assert html.count('role="img"') == 1  # by_neighbourhood; key figures and summary are lists
    assert "<table" in html and "Centre" in html and "Nord" in html
    assert f'href="{report.url}pdf/"' in html
    assert "Le jardin a ouvert." in html


def test_pdf_export_of_the_published_report(home, engagements, known, client):
    report = draft_report(home, engagements)
    report.get_latest_revision().publish()

    response = client.get(f"{report.url}pdf/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="point-annuel-2025.pdf"'
    assert response.content.startswith(b"%PDF-")
    assert len(response.content) > 5000


def test_an_unpublished_report_has_no_public_page_nor_pdf(home, engagements, known, client):
    report = draft_report(home, engagements)
    Page.objects.filter(pk=report.pk).update(live=False)

    assert client.get("/point-annuel-2025/").status_code == 404
    assert client.get("/point-annuel-2025/pdf/").status_code == 404


def test_editor_submits_and_the_elected_officials_approval_freezes_the_figures(
    home, engagements, known, editor, elected_official, client_for
):
    report = draft_report(home, engagements)
    Page.objects.filter(pk=report.pk).update(live=False)
    report = YearlyReportPage.objects.get(pk=report.pk)
    workflow = report.get_workflow()
    workflow.start(report, editor)
    state = Page.objects.get(pk=report.pk).current_workflow_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=(report.pk, "approve", state.current_task_state.pk))

    client_for(editor).post(approve, {"comment": ""})  # an editor cannot approve
    assert not FrozenFigure.objects.filter(page=report).exists()

    client_for(elected_official).post(approve, {"comment": "Validé."})

    assert Page.objects.get(pk=report.pk).live
    assert FrozenFigure.objects.filter(page=report).count() == 3


def test_a_report_is_created_under_the_home_page_only(home, engagements):
    programme = engagements[0].get_parent().specific

    assert YearlyReportPage.can_create_at(home)
    assert not YearlyReportPage.can_create_at(programme)
    publish(home, YearlyReportPage(title="Point annuel", slug="point-annuel", year=2025))


def test_published_report_query_count_does_not_grow_with_the_data(home, engagements, known, make_user, client):
    report = draft_report(home, engagements)
    report.get_latest_revision().publish()
    client.get(report.url)  # warm the per-process caches
    with CaptureQueriesContext(connection) as small:
        client.get(report.url)

    for _ in range(2):
        indicator_data.build(make_user=make_user, engagements=engagements)
    with CaptureQueriesContext(connection) as large:
        response = client.get(report.url)

    assert response.status_code == 200
    assert len(large) == len(small) <= 15


def test_indicator_block_refuses_an_unknown_figure_or_engagement():
    block = IndicatorBlock()

    assert block.clean({"figure": "age_bands", "engagement": "4"})["figure"] == "age_bands"
    with pytest.raises(ValidationError):
        block.clean({"figure": "names_of_participants", "engagement": ""})
    with pytest.raises(ValidationError):
        block.clean({"figure": "age_bands", "engagement": "11"})


def test_editor_opens_the_admin_form_of_a_new_yearly_report(home, editor, client_for):
    response = client_for(editor).get(reverse("wagtailadmin_pages:add", args=("cite", "yearlyreportpage", home.pk)))

    assert response.status_code == 200
    assert b"key_figures" in response.content


def test_report_pdf_is_a_tagged_pdf_ua_document(home, engagements, known, client):
    from tests.pdf_checks import check_pdf_ua

    report = draft_report(home, engagements)
    report.get_latest_revision().publish()

    response = client.get(f"{report.url}pdf/")

    check_pdf_ua(response.content, title=report.title)
