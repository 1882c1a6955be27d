"""Indicators of the programme (engagement 10): figures computed from the live data of the
debates, the moderation log, the pacts and the accounts, for a year and optionally for one
engagement.

``figures_for(year=..., engagement=...)`` returns every figure in a fixed number of queries
(aggregation in the database, one query per figure at most, shared where two figures read the
same rows). A figure's data is plain JSON (codes and numbers, no translated text), so that a
yearly report can freeze it when it is published and render it later in any language.
"""

from evaluation.indicators.figures import FIGURE_KEYS, Figure, figure_choices
from evaluation.indicators.queries import Indicators, available_years, figures_for

__all__ = ["FIGURE_KEYS", "Figure", "Indicators", "available_years", "figure_choices", "figures_for"]
