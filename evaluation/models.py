"""The yearly report ("point annuel ville du lien") and the figures it froze when published."""

from functools import cached_property

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from evaluation.blocks import ReportBodyBlock
from programme.models import MetaMixin, _this_year


class YearlyReportPage(RoutablePageMixin, MetaMixin, Page):
    """The "point annuel ville du lien": the editors' narrative per engagement and indicator
    blocks. The figures of a draft come from the live data; publishing freezes them
    (``evaluation.reports.report_freeze``), and the published page shows only the frozen figures."""

    page_kind = "article"

    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)], default=_this_year
    )
    summary = models.TextField(_("summary"), max_length=600, blank=True)
    body = StreamField(ReportBodyBlock(), blank=True, verbose_name=_("body"), use_json_field=True)

    content_panels = [*Page.content_panels, FieldPanel("year"), FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    api_fields = [APIField("year"), APIField("summary"), APIField("body")]
    parent_page_types = ["programme.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        db_table = "cite_yearlyreportpage"  # created by the first migrations, in cite
        verbose_name = _("yearly report")
        verbose_name_plural = _("yearly reports")

    def indicator_requests(self) -> list[tuple[str, int]]:
        """The figures the indicator blocks ask for, as ``(key, engagement number or 0)``."""
        wanted = []
        for block in self.body:
            if block.block_type == "indicator":
                request = (block.value["figure"], int(block.value.get("engagement") or 0))
                if request not in wanted:
                    wanted.append(request)
        return wanted

    @cached_property
    def frozen(self) -> dict[tuple[str, int], "FrozenFigure"]:
        """The figures frozen for this report's year (one query)."""
        if self.pk is None:
            return {}
        rows = FrozenFigure.objects.filter(page_id=self.pk, year=self.year)
        return {(row.key, row.engagement): row for row in rows}

    @cached_property
    def frozen_at(self):
        return min((row.frozen_at for row in self.frozen.values()), default=None)

    def figure_shown(self, *, key: str, engagement) -> dict | None:
        """A figure ready for its template: the frozen one when there is one, otherwise the live
        figure of the year (a draft, a preview, a block added since the last publication)."""
        from evaluation import charts
        from evaluation.indicators import FIGURE_KEYS, Indicators

        if key not in FIGURE_KEYS:
            return None
        number = int(engagement or 0)
        frozen = self.frozen.get((key, number))
        if frozen is not None:
            figure = frozen.figure
        else:
            figure = Indicators(year=self.year, engagement=number or None).figure(key)
        shown = charts.present(figure, prefix=f"report-{self.pk or 'new'}")
        shown["frozen"] = frozen is not None
        return shown

    @path("")
    def report(self, request):
        return self.render(request)

    @path("pdf/", name="pdf")
    def pdf(self, request):
        from evaluation.pdf import report_pdf

        response = HttpResponse(report_pdf(page=self, request=request), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="point-annuel-{self.year}.pdf"'
        return response


class FrozenFigure(models.Model):
    """A figure of a yearly report as it stood when the report was published. Written once by
    ``evaluation.reports.report_freeze`` and never changed: the report keeps the figures it published
    even when the data behind them changes."""

    page = models.ForeignKey(YearlyReportPage, on_delete=models.CASCADE, related_name="frozen_figures")
    key = models.CharField(_("figure"), max_length=40)
    year = models.PositiveSmallIntegerField(_("year"))
    engagement = models.PositiveSmallIntegerField(_("engagement"), default=0, help_text=_("0: all engagements."))
    data = models.JSONField(_("data"))
    frozen_at = models.DateTimeField(_("frozen at"), default=timezone.now)

    class Meta:
        db_table = "cite_frozenfigure"  # created by the first migrations, in cite
        verbose_name = _("frozen figure")
        verbose_name_plural = _("frozen figures")
        constraints = [
            models.UniqueConstraint(fields=["page", "key", "year", "engagement"], name="frozen_figure_once"),
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.year}/{self.engagement}"

    @property
    def figure(self):
        from evaluation.indicators import Figure

        return Figure.from_data(self.data)
