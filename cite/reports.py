"""The yearly report's services: freezing its figures when it is published, and its PDF.

Publishing goes through Wagtail (the editor's submission, the elected official's approval in
the workflow, a scheduled publication); each ends in Wagtail's ``page_published`` signal, which
``cite.apps`` connects to :func:`freeze_on_publish`, a thin adapter over
:func:`report_freeze`.
"""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string

from cite.indicators import Indicators
from cite.models import FrozenFigure, YearlyReportPage


def report_freeze(*, page: YearlyReportPage) -> list[FrozenFigure]:
    """Freeze every figure the report's indicator blocks ask for that is not frozen yet, from
    the data as it stands now. A figure frozen once is never computed again, so republishing a
    report (say, to fix a typo in the narrative) leaves its published figures as they were; a
    block added since gets its figure frozen at that publication.

    Runs on publication, whoever publishes: it checks no permission of its own, Wagtail's
    workflow has already checked that the publisher may publish.
    """
    with transaction.atomic():
        # Two publications at once would both see the figure missing: the page's row serialises them.
        YearlyReportPage.objects.select_for_update().filter(pk=page.pk).first()
        existing = set(FrozenFigure.objects.filter(page=page, year=page.year).values_list("key", "engagement"))
        indicators: dict[int, Indicators] = {}
        created = []
        for key, engagement in page.indicator_requests():
            if (key, engagement) in existing:
                continue
            source = indicators.setdefault(engagement, Indicators(year=page.year, engagement=engagement or None))
            created.append(
                FrozenFigure(
                    page=page, key=key, year=page.year, engagement=engagement, data=source.figure(key).as_data()
                )
            )
        FrozenFigure.objects.bulk_create(created)
    page.__dict__.pop("frozen", None)
    page.__dict__.pop("frozen_at", None)
    return created


def freeze_on_publish(sender, instance, **kwargs) -> None:
    """``page_published`` receiver for yearly reports."""
    report_freeze(page=instance)


def report_pdf(*, page: YearlyReportPage, request: HttpRequest) -> bytes:
    """The published report as a tagged PDF/UA document, with the same figures, charts and tables."""
    from cite.pdfdoc import accessible_pdf

    html = render_to_string("cite/yearly_report_pdf.html", {"page": page, "self": page, "request": request})
    return accessible_pdf(html=html, base_url=request.build_absolute_uri("/"))
