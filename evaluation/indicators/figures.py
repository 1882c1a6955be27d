"""What each figure is: its title, what it counts, its series, its chart, how its rows are named.

A figure's data holds codes and numbers only; names and titles come from here when it is shown,
in the reader's language. This module imports no model at load time: ``programme.blocks`` reads the
choices while the apps are still loading.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.dates import MONTHS, MONTHS_AP
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def _key_label(code: str) -> str:
    return str(KEY_FIGURES.get(code, code))


def _month_label(code) -> str:
    return str(MONTHS.get(int(code), code))


def _month_short_label(code) -> str:
    return str(MONTHS_AP.get(int(code), code))


def _moderation_label(code: str) -> str:
    return str({"automatic": _("Automatically"), "human": _("By a person")}.get(code, code))


def _appeal_label(code: str) -> str:
    from moderation.models import Appeal

    return str(Appeal.Status(code).label) if code in Appeal.Status.values else code


def _pact_status_label(code: str) -> str:
    from pactes.models import Pact

    return str(Pact.Status(code).label) if code in Pact.Status.values else code


def _engagement_label(code) -> str:
    if code in (None, "", 0):
        return gettext("Not linked to an engagement")
    return gettext("Engagement %(number)s") % {"number": code}


def _neighbourhood_label(code: str) -> str:
    return code or gettext("Neighbourhood not given")


def _offer_audience_label(code: str) -> str:
    from offres.models import Offer

    return str(Offer.Audience(code).label) if code in Offer.Audience.values else code


def _age_band_label(code: str) -> str:
    from accounts.models import User

    return str(User.AgeBand(code).label) if code in User.AgeBand.values else code


def _offer_kind_label(code: str) -> str:
    from offres.models import Offer

    return str(Offer.Kind(code).label) if code in Offer.Kind.values else code


KEY_FIGURES = {
    "debates": _("Debates held"),
    "participants": _("Distinct participants in the debates"),
    "messages": _("Messages posted"),
    "moderated_share": _("Share of messages moderated"),
    "moderated_automatic": _("Messages moderated automatically"),
    "moderated_human": _("Messages moderated by a person"),
    "median_decision": _("Median time to a moderation decision"),
    "appeals": _("Appeals against a moderation decision"),
    "pacts_signed": _("New collaboration pacts signed"),
    "commons": _("Commons under a collaboration pact"),
    "reports_on_time": _("Pact reports filed on time"),
    "reports_late": _("Pact reports filed late"),
    "volunteers": _("Volunteers reported by the pacts"),
    "hours": _("Hours given, reported by the pacts"),
    "call_volunteers": _("Volunteers on the calls for volunteers"),
    "call_hours": _("Hours given on the calls for volunteers"),
}


@dataclass(frozen=True)
class Spec:
    title: str
    description: str
    series: tuple[str, ...]
    label: Callable[[object], str]
    chart: str = "bar"  # "bar", "line", "table" (no chart) or "" (a list of key figures)
    per_engagement: bool = True  # False: the figure compares the engagements, it has no filter
    short_label: Callable[[object], str] | None = None  # under a line chart's axis

    def __post_init__(self):
        if self.short_label is None:
            object.__setattr__(self, "short_label", self.label)


SPECS: dict[str, Spec] = {
    "key_figures": Spec(
        title=_("Key figures"),
        description=_("The main figures of the year."),
        series=(_("Value"),),
        label=_key_label,
        chart="",
    ),
    "summary": Spec(
        title=_("The year in figures"),
        description=_("Debates, participation and collaboration pacts of the year."),
        series=(_("Value"),),
        label=_key_label,
        chart="",
    ),
    "messages_by_month": Spec(
        title=_("Messages posted in the debates, by month"),
        description=_("Every message posted in a debate room, whatever became of it."),
        series=(_("Messages"),),
        label=_month_label,
        short_label=_month_short_label,
        chart="line",
    ),
    "moderation": Spec(
        title=_("Messages moderated, automatically or by a person"),
        description=_(
            "Messages of the year that received at least one moderation decision (held, refused, "
            "hidden, published after review…). A message held automatically and then reviewed by a "
            "person counts in both rows."
        ),
        series=(_("Messages"),),
        label=_moderation_label,
    ),
    "appeals": Spec(
        title=_("Appeals and their outcome"),
        description=_("Appeals against a moderation decision filed in the year, by outcome."),
        series=(_("Appeals"),),
        label=_appeal_label,
    ),
    "pacts_by_status": Spec(
        title=_("Collaboration pacts by status"),
        description=_(
            "Public pacts submitted by the end of the year, by their status at the end of the year "
            "(today for the current year)."
        ),
        series=(_("Pacts"),),
        label=_pact_status_label,
    ),
    "by_neighbourhood": Spec(
        title=_("Collaboration pacts by neighbourhood"),
        description=_(
            "Pacts submitted and pacts signed in the year, and commons under a pact in force "
            "during the year, by the neighbourhood of the commons."
        ),
        series=(_("Pacts submitted"), _("Pacts signed"), _("Commons under a pact")),
        label=_neighbourhood_label,
    ),
    "pact_reports": Spec(
        title=_("Yearly reports of the pacts filed on time"),
        description=_(
            "Reports of the pacts for a pact year ending in this year, by the neighbourhood of the "
            "commons: filed by the last day of the pact year, or later. Reports not filed yet are "
            "not counted."
        ),
        series=(_("Filed on time"), _("Filed late")),
        label=_neighbourhood_label,
    ),
    "volunteering": Spec(
        title=_("Volunteers and hours given"),
        description=_(
            "Two sources, by neighbourhood, shown side by side and never added up, as a pact's report "
            "may count the volunteers who answered its calls. The pacts: what their yearly reports for "
            "a pact year ending in this year report. The calls for volunteers: the people accepted on a "
            "call or who gave hours in the year, and the hours given in the year, as the organisers "
            "recorded them."
        ),
        series=(
            _("Volunteers (pact reports)"),
            _("Hours (pact reports)"),
            _("Volunteers (calls)"),
            _("Hours (calls)"),
        ),
        label=_neighbourhood_label,
        chart="table",  # two quantities of different scales: a table reads better than bars
    ),
    "offers_by_neighbourhood": Spec(
        title=_("Offers that build ties by neighbourhood"),
        description=_(
            "Offers listed in the directory at the end of the year (today for the current year), by the "
            "neighbourhood of their place: all of them, those free of charge and those without screens."
        ),
        series=(_("Offers"), _("Free"), _("Without screens")),
        label=_neighbourhood_label,
    ),
    "offers_by_audience": Spec(
        title=_("Offers that build ties by audience"),
        description=_(
            "Offers listed in the directory at the end of the year (today for the current year), by the "
            "audience they are meant for, and those where someone can come along the first time."
        ),
        series=(_("Offers"), _("Someone can come along the first time")),
        label=_offer_audience_label,
    ),
    "by_engagement": Spec(
        title=_("Debates and pacts by engagement"),
        description=_("Debates held and pacts signed in the year, by the engagement they serve."),
        series=(_("Debates held"), _("Pacts signed")),
        label=_engagement_label,
        per_engagement=False,
    ),
    "age_bands": Spec(
        title=_("Participants by age band"),
        description=_(
            "People who posted in a debate or signed a pact in the year and agreed to give their age "
            "band. A band with fewer people than the threshold is not shown, so that nobody can be "
            "recognised."
        ),
        series=(_("Participants"),),
        label=_age_band_label,
    ),
    "referrals": Spec(
        title=_("Referrals to offers by connectors, and whether they held"),
        description=_(
            "People referred to an offer by a connector in the year (one per offer), those the "
            "offer's team saw come, and those still going three months later, by kind of offer. "
            "A number smaller than the threshold is not shown (—), so that nobody can be recognised; "
            "referrals the person deleted are not counted."
        ),
        series=(_("Referred"), _("Came"), _("Still going after 3 months")),
        label=_offer_kind_label,
    ),
}
FIGURE_KEYS = list(SPECS)


def figure_choices() -> list[tuple[str, str]]:
    return [(key, spec.title) for key, spec in SPECS.items()]


@dataclass
class Figure:
    """One figure: rows of ``[code, value, ...]`` (one value per series; ``None`` where a value
    is withheld or unknown) for a year and an engagement number (``None``: all)."""

    key: str
    year: int
    engagement: int | None = None
    rows: list[list] = field(default_factory=list)
    suppressed: int = 0  # rows withheld because the group is too small

    @property
    def spec(self) -> Spec:
        return SPECS[self.key]

    @property
    def title(self) -> str:
        return str(self.spec.title)

    @property
    def description(self) -> str:
        return str(self.spec.description)

    @property
    def series(self) -> list[str]:
        return [str(name) for name in self.spec.series]

    @property
    def chart_kind(self) -> str:
        return self.spec.chart

    @property
    def min_group(self) -> int:
        return settings.INDICATORS_MIN_GROUP

    @property
    def is_empty(self) -> bool:
        return not any(value for row in self.rows for value in row[1:])

    def labelled_rows(self) -> list[tuple[str, list[str]]]:
        """Each row's name and its values written for people."""
        # A figure frozen before a series was added has fewer values than series: "—" for those.
        width = len(self.spec.series) if self.spec.chart else 1
        return [
            (self.spec.label(code), [self.format(code, value) for value in [*values, *[None] * (width - len(values))]])
            for code, *values in self.rows
        ]

    def format(self, code, value) -> str:
        if value is None:
            return gettext("fewer than %(n)d") % {"n": self.min_group} if self.key == "age_bands" else "—"
        if code == "moderated_share":
            return gettext("%(percent)s %%") % {"percent": number_format(value, decimal_pos=1)}
        if code == "median_decision":
            from moderation.register import duration_text

            return duration_text(value)
        return number_format(value, force_grouping=True)

    def as_data(self) -> dict:
        return {
            "key": self.key,
            "year": self.year,
            "engagement": self.engagement,
            "rows": self.rows,
            "suppressed": self.suppressed,
        }

    @classmethod
    def from_data(cls, data: dict) -> Figure:
        return cls(
            key=data["key"],
            year=data["year"],
            engagement=data.get("engagement"),
            rows=[list(row) for row in data.get("rows", [])],
            suppressed=data.get("suppressed", 0),
        )

    def as_records(self) -> list[dict]:
        """Open-data rows: one per row and series, with codes and raw numbers."""
        return [
            {
                "figure": self.key,
                "year": self.year,
                "engagement": self.engagement or None,
                "row": code,
                "label": self.spec.label(code),
                "series": series,
                "value": value,
            }
            for code, *values in self.rows
            for series, value in zip(self.series, values, strict=False)
        ]
