"""Reads of the evaluation's pages."""

from evaluation.models import YearlyReportPage
from programme.selectors import _public


def yearly_reports() -> list:
    """The live, public yearly reports, newest year first (two queries)."""
    return list(_public(YearlyReportPage.objects.all(), None).order_by("-year", "-first_published_at"))
