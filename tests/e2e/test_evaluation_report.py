"""The yearly report in a real browser: an editor drafts it in Wagtail with two indicator
blocks and submits it, the elected official approves it through the workflow, and the
published page shows the figures frozen at publication, with their charts and tables."""

import uuid

import pytest
from django.utils import timezone

from tests.e2e.conftest import assert_accessible, login

pytestmark = pytest.mark.e2e


def _add_block(page, label: str) -> None:
    page.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name=label, exact=True).click()


def test_editor_drafts_the_report_the_elected_official_approves_and_figures_are_frozen(new_page, e2e_db):
    from accounts.demo import demo_user
    from debates.models import Debate, Message
    from evaluation.models import FrozenFigure, YearlyReportPage
    from programme.models import HomePage

    home = HomePage.objects.order_by("path").first()
    slug = f"point-annuel-e2e-{uuid.uuid4().hex[:8]}"
    year = timezone.localdate().year

    editor = new_page()
    login(editor, "redaction@example.org")
    editor.goto(f"/admin/pages/add/evaluation/yearlyreportpage/{home.pk}/")
    editor.locator("#id_title").fill(f"Point annuel de test {slug}")
    editor.locator("#id_year").fill(str(year))
    editor.locator("#id_summary").fill("Une année de liens, racontée et mesurée.")
    _add_block(editor, "Indicateur")
    editor.locator("select[name='body-0-value-figure']").select_option("key_figures")
    _add_block(editor, "Indicateur")
    editor.locator("select[name='body-1-value-figure']").select_option("messages_by_month")
    with editor.expect_navigation():
        editor.locator("button[name='action-submit']").dispatch_event("click")

    report = YearlyReportPage.objects.get(title__endswith=slug)
    assert not report.live
    assert report.current_workflow_state is not None
    assert not FrozenFigure.objects.filter(page=report).exists()
    # The live figures the draft shows are those of today's data.
    messages_before = Message.objects.filter(created_at__year=year).count()

    official = new_page()
    login(official, "elu@example.org")
    # The elected official approves from the admin dashboard's "awaiting your review" list.
    official.goto("/admin/")
    row = official.locator("tr", has_text=report.title)
    row.get_by_role("button", name="Actions").click()
    with official.expect_navigation():
        row.get_by_role("button", name="Approuver", exact=True).click()

    report.refresh_from_db()
    assert report.live
    frozen = {row.key: row.figure for row in FrozenFigure.objects.filter(page=report)}
    assert set(frozen) == {"key_figures", "messages_by_month"}
    assert dict(map(tuple, frozen["key_figures"].rows))["messages"] == messages_before

    # New data after publication: the published report does not change.
    debate = Debate.objects.filter(status=Debate.Status.OPEN).first()
    Message.objects.create(
        debate=debate, author=demo_user("habitant@example.org"), body="Après la publication", body_html="<p>Après</p>"
    )

    visitor = new_page()
    response = visitor.goto(report.url)
    assert response.status == 200
    shown = visitor.locator(".key-figures__item", has_text="Messages publiés").locator("dd").inner_text()
    assert shown == str(messages_before)
    chart = visitor.locator("svg[role='img']")
    assert chart.count() == 1
    assert "Messages publiés dans les débats" in chart.locator("title").text_content()
    assert visitor.locator("table.figure__table").count() == 1
    assert visitor.get_by_text("Chiffre en direct").count() == 0
    assert_accessible(visitor)

    visitor.goto("/tableau-de-bord/")
    live = visitor.locator(".key-figures__item", has_text="Messages publiés").locator("dd").inner_text()
    assert live == str(messages_before + 1)
