"""The evaluation's part of the programme pages (``programme.linked``): an engagement's own
figures on its page."""

from django.utils import timezone
from wagtail import hooks

from evaluation import charts
from evaluation.indicators import Indicators
from programme.linked import ENGAGEMENT_SECTIONS, EngagementSection

# Two queries: the page stays within its budget of 15 (tests/programme/test_queries.py); the
# charts of the engagement are on the dashboard, filtered by engagement.
ENGAGEMENT_FIGURES = ["summary"]


@hooks.register(ENGAGEMENT_SECTIONS)
def engagement_indicators(*, page, request) -> EngagementSection:
    """This engagement's own figures for the current year, ready for the figure template."""
    indicators = Indicators(year=timezone.localdate().year, engagement=page.number)
    shown = [charts.present(figure, prefix="engagement") for figure in indicators.all(ENGAGEMENT_FIGURES)]
    return EngagementSection(
        template="evaluation/includes/engagement_indicators.html",
        context={"indicators": shown},
        stylesheets=("evaluation/indicators.css",),
    )
