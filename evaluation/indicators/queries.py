"""The aggregations behind the figures. Each figure costs at most one query, whatever the
amount of data; figures that read the same rows share their query (``Indicators`` keeps it)."""

from __future__ import annotations

import datetime as dt
from functools import cached_property

from django.conf import settings
from django.db.models import Count, DurationField, Exists, ExpressionWrapper, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce, ExtractMonth
from django.utils import timezone

from evaluation.indicators.figures import FIGURE_KEYS, SPECS, Figure

# The columns of ``Indicators._pact_reports`` after the neighbourhood, as key figures.
REPORT_COLUMNS = ["reports_on_time", "reports_late", "volunteers", "hours"]
# The columns of ``Indicators._volunteering_calls`` after the neighbourhood, as key figures.
CALL_COLUMNS = ["call_volunteers", "call_hours"]


def available_years() -> list[int]:
    """The years a reader may choose, newest first (no query)."""
    return list(range(timezone.localdate().year, settings.INDICATORS_FIRST_YEAR - 1, -1))


class Indicators:
    """The figures of one year, for every engagement or for one (its ``number``)."""

    @staticmethod
    def min_group() -> int:
        return settings.INDICATORS_MIN_GROUP

    def __init__(self, *, year: int, engagement: int | None = None):
        self.year = year
        self.engagement = engagement
        tz = timezone.get_current_timezone()
        self.start = dt.datetime(year, 1, 1, tzinfo=tz)
        self.end = dt.datetime(year + 1, 1, 1, tzinfo=tz)

    # --- the rows read ---------------------------------------------------------------------

    def _in_year(self, field: str) -> Q:
        return Q(**{f"{field}__gte": self.start, f"{field}__lt": self.end})

    def _messages(self):
        from debates.models import Message

        messages = Message.objects.filter(self._in_year("created_at"))
        if self.engagement:
            messages = messages.filter(debate__engagement__number=self.engagement)
        return messages

    def _decisions(self):
        from moderation.models import ModerationAction
        from moderation.register import DECISIONS

        decisions = ModerationAction.objects.filter(kind__in=DECISIONS)
        if self.engagement:
            decisions = decisions.filter(debate__engagement__number=self.engagement)
        return decisions

    def _pacts(self):
        from pactes.selectors import public_pacts

        pacts = public_pacts()
        if self.engagement:
            pacts = pacts.filter(engagement__number=self.engagement)
        return pacts

    @cached_property
    def _message_totals(self) -> dict:
        decided = self._decisions().filter(message=OuterRef("pk")).order_by().values("pk")
        return self._messages().aggregate(
            debates=Count("debate", distinct=True),
            participants=Count("author", distinct=True),
            messages=Count("pk"),
            moderated=Count("pk", filter=Exists(decided)),
            automatic=Count("pk", filter=Exists(decided.filter(automatic=True))),
            human=Count("pk", filter=Exists(decided.filter(automatic=False))),
        )

    @cached_property
    def _median_decision_seconds(self) -> float | None:
        """Median wait of the decisions people took in the year (automatic ones do not wait).
        Two queries: how many, then the middle one or two, sorted in the database."""
        waits = (
            self._decisions()
            .filter(self._in_year("created_at"), automatic=False, pending_since__isnull=False)
            .annotate(wait=ExpressionWrapper(F("created_at") - F("pending_since"), output_field=DurationField()))
        )
        count = waits.count()
        if not count:
            return None
        middle = list(waits.order_by("wait", "pk").values_list("wait", flat=True)[(count - 1) // 2 : count // 2 + 1])
        return sum(wait.total_seconds() for wait in middle) / len(middle)

    @cached_property
    def _appeals(self) -> dict:
        from moderation.models import Appeal

        appeals = Appeal.objects.filter(self._in_year("created_at"))
        if self.engagement:
            appeals = appeals.filter(action__debate__engagement__number=self.engagement)
        return dict(appeals.order_by().values_list("status").annotate(n=Count("pk")))

    @cached_property
    def _by_neighbourhood(self) -> list[list]:
        in_force = Q(activated_at__lt=self.end) & (Q(ended_at__isnull=True) | Q(ended_at__gte=self.start))
        rows = (
            self._pacts()
            .order_by()
            .values("commons__neighbourhood")
            .annotate(
                submitted=Count("pk", filter=self._in_year("submitted_at")),
                signed=Count("pk", filter=self._in_year("activated_at")),
                commons=Count("commons", distinct=True, filter=in_force),
            )
            .order_by("commons__neighbourhood")
        )
        return [
            [row["commons__neighbourhood"], row["submitted"], row["signed"], row["commons"]]
            for row in rows
            if row["submitted"] or row["signed"] or row["commons"]
        ]

    @cached_property
    def _pact_reports(self) -> list[list]:
        """The yearly reports of the pacts whose period ends in the year, by neighbourhood: filed
        on time (by the period's last day, its due date in ``pactes.deadlines``) or late, and the
        volunteers and hours they report."""
        from pactes.models import PactReport

        reports = PactReport.objects.filter(
            pact__in=self._pacts(), period_end__gte=self.start.date(), period_end__lt=self.end.date()
        )
        on_time = Q(created_at__date__lte=F("period_end"))
        rows = (
            reports.order_by()
            .values("pact__commons__neighbourhood")
            .annotate(
                on_time=Count("pk", filter=on_time),
                late=Count("pk", filter=~on_time),
                volunteers=Sum("volunteers"),
                hours=Sum("hours"),
            )
            .order_by("pact__commons__neighbourhood")
        )
        return [
            [row["pact__commons__neighbourhood"], row["on_time"], row["late"], row["volunteers"], row["hours"]]
            for row in rows
        ]

    @cached_property
    def _volunteering_calls(self) -> list[list]:
        """The calls for volunteers (``benevolat``), by neighbourhood: volunteers accepted or who
        gave hours in the year, and the hours given in the year, as their organisers recorded
        them. Counted apart from what the pacts report: a pact's yearly report may already count
        the volunteers who answered its calls."""
        from benevolat.models import Call
        from benevolat.selectors import volunteering_by_neighbourhood

        calls = None
        if self.engagement:
            calls = Call.objects.filter(
                Q(offer__engagements__number=self.engagement) | Q(pact__engagement__number=self.engagement)
            )
        return volunteering_by_neighbourhood(start=self.start.date(), end=self.end.date(), calls=calls)

    # --- the figures ---------------------------------------------------------------------------

    def _figure(self, key: str, rows: list[list], suppressed: int = 0) -> Figure:
        engagement = self.engagement if SPECS[key].per_engagement else None
        return Figure(key=key, year=self.year, engagement=engagement, rows=rows, suppressed=suppressed)

    def _summary_rows(self) -> list[list]:
        totals = self._message_totals
        neighbourhoods = self._by_neighbourhood
        return [
            ["debates", totals["debates"]],
            ["participants", totals["participants"]],
            ["messages", totals["messages"]],
            ["pacts_signed", sum(row[2] for row in neighbourhoods)],
            ["commons", sum(row[3] for row in neighbourhoods)],
        ]

    def key_figures(self) -> Figure:
        totals = self._message_totals
        share = round(100 * totals["moderated"] / totals["messages"], 1) if totals["messages"] else None
        median = self._median_decision_seconds
        reports = self._pact_reports
        rows = [
            *self._summary_rows(),
            ["moderated_share", share],
            ["moderated_automatic", totals["automatic"]],
            ["moderated_human", totals["human"]],
            ["median_decision", round(median) if median is not None else None],
            ["appeals", sum(self._appeals.values())],
            *[[code, sum(row[column] for row in reports)] for column, code in enumerate(REPORT_COLUMNS, start=1)],
            *[
                [code, sum(row[column] for row in self._volunteering_calls)]
                for column, code in enumerate(CALL_COLUMNS, start=1)
            ],
        ]
        return self._figure("key_figures", rows)

    def summary(self) -> Figure:
        """The key figures that need no moderation query (two queries): what an engagement page
        shows about itself."""
        return self._figure("summary", self._summary_rows())

    def messages_by_month(self) -> Figure:
        counts = dict(
            self._messages()
            .annotate(month=ExtractMonth("created_at"))
            .order_by()
            .values_list("month")
            .annotate(n=Count("pk"))
        )
        return self._figure("messages_by_month", [[month, counts.get(month, 0)] for month in range(1, 13)])

    def moderation(self) -> Figure:
        totals = self._message_totals
        return self._figure("moderation", [["automatic", totals["automatic"]], ["human", totals["human"]]])

    def appeals(self) -> Figure:
        from moderation.models import Appeal

        return self._figure("appeals", [[status, self._appeals.get(status, 0)] for status in Appeal.Status.values])

    def pacts_by_status(self) -> Figure:
        """Each pact's status at the end of the year: the last status its public timeline
        reached before then (a pact without a timeline counts with its present status)."""
        from pactes.models import Pact, PactEvent

        last_status = (
            PactEvent.objects.filter(pact=OuterRef("pk"), created_at__lt=self.end)
            .exclude(to_status="")
            .order_by("-created_at", "-pk")
            .values("to_status")[:1]
        )
        counts = dict(
            self._pacts()
            .filter(submitted_at__lt=self.end)
            .annotate(status_then=Coalesce(Subquery(last_status), F("status")))
            .order_by()
            .values_list("status_then")
            .annotate(n=Count("pk"))
        )
        statuses = [status for status in Pact.Status.values if status != Pact.Status.DRAFT]
        return self._figure("pacts_by_status", [[status, counts.get(status, 0)] for status in statuses])

    def by_neighbourhood(self) -> Figure:
        return self._figure("by_neighbourhood", self._by_neighbourhood)

    def pact_reports(self) -> Figure:
        return self._figure("pact_reports", [row[:3] for row in self._pact_reports])

    def volunteering(self) -> Figure:
        """By neighbourhood: what the pacts' reports say, then what the calls for volunteers
        recorded, side by side and never added up (the two may count the same people)."""
        reported = {row[0]: row[3:5] for row in self._pact_reports}
        recorded = {row[0]: row[1:3] for row in self._volunteering_calls}
        names = sorted({*reported, *recorded}, key=lambda name: name or "")
        return self._figure(
            "volunteering", [[name, *reported.get(name, [0, 0]), *recorded.get(name, [0, 0])] for name in names]
        )

    def _offers_listed_at_end(self):
        """Offers listed at the end of the year: their status then is the last one their public
        history reached before it (an offer created later is not counted)."""
        from offres.models import Offer, OfferEvent

        listed = [Offer.Status.PUBLISHED, Offer.Status.TO_VERIFY]
        last_status = (
            OfferEvent.objects.filter(offer=OuterRef("pk"), created_at__lt=self.end)
            .exclude(to_status="")
            .order_by("-created_at", "-pk")
            .values("to_status")[:1]
        )
        offers = (
            Offer.objects.filter(created_at__lt=self.end)
            .annotate(status_then=Coalesce(Subquery(last_status), F("status")))
            .filter(status_then__in=listed)
        )
        if self.engagement:
            offers = offers.filter(engagements__number=self.engagement)
        return offers.order_by()

    def offers_by_neighbourhood(self) -> Figure:
        rows = (
            self._offers_listed_at_end()
            .values("neighbourhood")
            .annotate(
                n=Count("pk", distinct=True),
                free=Count("pk", distinct=True, filter=Q(cost="free")),
                screen_free=Count("pk", distinct=True, filter=Q(screen_free=True)),
            )
            .order_by("neighbourhood")
        )
        return self._figure(
            "offers_by_neighbourhood", [[r["neighbourhood"], r["n"], r["free"], r["screen_free"]] for r in rows]
        )

    def offers_by_audience(self) -> Figure:
        from offres.models import Offer

        counts = {
            r["audience"]: r
            for r in self._offers_listed_at_end()
            .values("audience")
            .annotate(
                n=Count("pk", distinct=True), companion=Count("pk", distinct=True, filter=Q(companion_first_visit=True))
            )
        }
        rows = [[a, counts[a]["n"], counts[a]["companion"]] for a in Offer.Audience.values if a in counts]
        return self._figure("offers_by_audience", rows)

    def by_engagement(self) -> Figure:
        """Debates and pacts of the year by engagement number, all engagements (two queries)."""
        from debates.models import Message
        from pactes.selectors import public_pacts

        debates = dict(
            Message.objects.filter(self._in_year("created_at"))
            .order_by()
            .values_list("debate__engagement__number")
            .annotate(n=Count("debate", distinct=True))
        )
        pacts = dict(
            public_pacts()
            .filter(self._in_year("activated_at"))
            .order_by()
            .values_list("engagement__number")
            .annotate(n=Count("pk"))
        )
        numbers = sorted({*debates, *pacts}, key=lambda n: (n is None, n or 0))
        return self._figure("by_engagement", [[n, debates.get(n, 0), pacts.get(n, 0)] for n in numbers])

    def age_bands(self) -> Figure:
        """People who posted in a debate or signed a pact in the year, by the age band they
        agreed to give. A band with fewer than ``INDICATORS_MIN_GROUP`` people is withheld."""
        from accounts.models import User
        from pactes.models import Signature

        signatures = Signature.objects.filter(signer=OuterRef("pk"), signed_at__gte=self.start, signed_at__lt=self.end)
        if self.engagement:
            signatures = signatures.filter(party__pact__engagement__number=self.engagement)
        counts = dict(
            User.objects.filter(age_band_consent_at__isnull=False)
            .exclude(age_band="")
            .filter(Exists(self._messages().filter(author=OuterRef("pk"))) | Exists(signatures))
            .order_by()
            .values_list("age_band")
            .annotate(n=Count("pk"))
        )
        minimum = settings.INDICATORS_MIN_GROUP
        rows = [[band, n if n >= minimum else None] for band in User.AgeBand.values if (n := counts.get(band, 0))]
        return self._figure("age_bands", rows, suppressed=sum(1 for row in rows if row[1] is None))

    def referrals(self) -> Figure:
        """Referred offers of the year by kind of offer: referred, came, still going at the 3-month
        follow-up (one query). Each number between 1 and ``INDICATORS_MIN_GROUP`` - 1 is withheld;
        erased referrals count (their facts are anonymous), deleted ones do not."""
        from offres.models import Offer
        from orientation.models import FollowUp, ReferralOffer

        lines = ReferralOffer.objects.filter(self._in_year("referral__created_at"))
        if self.engagement:
            lines = lines.filter(offer__engagements__number=self.engagement)
        kept = FollowUp.objects.filter(line=OuterRef("pk"), months=3, outcome=FollowUp.Outcome.STILL_GOING)
        rows = (
            lines.order_by()
            .values("offer__kind")
            .annotate(
                made=Count("pk", distinct=True),
                came=Count("pk", distinct=True, filter=Q(attendance=ReferralOffer.Attendance.CAME)),
                kept=Count("pk", distinct=True, filter=Exists(kept)),
            )
            .order_by("offer__kind")
        )
        minimum = settings.INDICATORS_MIN_GROUP

        def shown(n: int) -> int | None:
            return None if 0 < n < minimum else n

        counts = {row["offer__kind"]: row for row in rows}
        empty = {"made": 0, "came": 0, "kept": 0}
        figures = [
            [kind, shown(row["made"]), shown(row["came"]), shown(row["kept"])]
            for kind in Offer.Kind.values
            for row in [counts.get(kind, empty)]
        ]
        return self._figure("referrals", figures, suppressed=sum(1 for row in figures if None in row[1:]))

    def figure(self, key: str) -> Figure:
        if key not in SPECS:
            raise KeyError(key)
        return getattr(self, key)()

    def all(self, keys: list[str] | None = None) -> list[Figure]:
        return [self.figure(key) for key in keys or FIGURE_KEYS]


def figures_for(*, year: int, engagement: int | None = None, keys: list[str] | None = None) -> list[Figure]:
    return Indicators(year=year, engagement=engagement).all(keys)
