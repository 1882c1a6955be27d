"""Reads of the evaluation's pages."""

from core import languages
from evaluation.models import YearlyReportPage
from programme.selectors import _public


def yearly_reports() -> list:
    """The live, public yearly reports, newest year first (two queries): each in the language
    being read when it is translated, else in the language it was written in."""
    reports = list(_public(YearlyReportPage.objects.all(), None).order_by("-year", "-first_published_at"))
    reading = languages.locale_ids().get(languages.current())
    translated = {report.translation_key for report in reports if report.locale_id == reading}
    return [report for report in reports if report.locale_id == reading or report.translation_key not in translated]
