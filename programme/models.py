"""Pages of the municipal programme: home, programme, engagements, news, standard pages.

The tree an editor may build is fixed by ``parent_page_types`` / ``subpage_types``::

    HomePage (site root)
    ├── ProgrammePage (one) ── EngagementPage (ten at most)
    ├── NewsIndexPage (one) ── NewsPage
    ├── StandardPage ── StandardPage
    └── YearlyReportPage ("point annuel ville du lien", one a year: the evaluation app)
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core import languages
from programme import linked, selectors
from programme.blocks import (
    RICH_TEXT_FEATURES,
    ActionBlock,
    ActionStatus,
    BodyBlock,
    InspiringExampleBlock,
)

HOME_LISTS_LENGTH = 3
NEWS_PER_PAGE = 10


def _this_year() -> int:
    return timezone.localdate().year


class MetaMixin:
    """What the page meta (description, Open Graph) and the breadcrumbs of every programme page
    read."""

    page_kind = "website"

    @property
    def language_code(self) -> str:
        """The language the page is written in: its locale's (a page reached on the other
        language's site before it is translated keeps its own)."""
        return languages.locale_code(self.locale_id)

    @cached_property
    def source_page_id(self) -> int:
        """The page in the site's language this page translates (itself in French): what the
        debates and pacts are linked to."""
        default = settings.LANGUAGE_CODE
        if self.language_code == default:
            return self.pk
        source = Page.objects.filter(translation_key=self.translation_key, locale__language_code=default)
        return source.values_list("pk", flat=True).first() or self.pk

    @property
    def meta_description(self) -> str:
        return self.search_description or getattr(self, "summary", "") or ""

    @property
    def breadcrumb_trail(self) -> list[Page]:
        """The ancestors from the home page (depth 2) down to the parent.

        Wagtail's routing leaves each page its parent in ``_cached_parent_obj`` (``Page.route``),
        so after a request the trail costs no query; a page reached otherwise (preview, tests)
        asks the tree once.
        """
        trail, page = [], self
        while page.depth > 2 and getattr(page, "_cached_parent_obj", None) is not None:
            page = page._cached_parent_obj
            trail.append(page)
        if page.depth > 2:
            return list(self.get_ancestors().filter(depth__gte=2))
        return trail[::-1]


class RoutesToOneChildType:
    """A page whose children are all of one type (its only ``subpage_types`` entry) finds a child
    in one query, already specific, where Wagtail's ``Page.route`` takes two (the page, then its
    specific row). A child of another type (moved or created before the rules) still routes the
    usual way."""

    def route(self, request, path_components):
        if path_components:
            (child_type,) = self.subpage_types
            model = apps.get_model(child_type)
            child = model.objects.child_of(self).filter(slug=path_components[0]).first()
            if child is not None:
                child._cached_parent_obj = self
                return child.route(request, path_components[1:])
        return super().route(request, path_components)


class IntroPage(MetaMixin, Page):
    """A page that opens with a rich-text introduction before what it lists."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        abstract = True


class HomePage(IntroPage):
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "programme.ProgrammePage",
        "programme.NewsIndexPage",
        "programme.StandardPage",
        "evaluation.YearlyReportPage",
    ]
    # One home page per language: the French one is the site's root, the others translate it.
    max_count = len(settings.WAGTAIL_CONTENT_LANGUAGES)

    class Meta:
        db_table = "cite_homepage"  # created by the first migrations, in cite
        verbose_name = _("home page")

    def route(self, request, path_components):
        """A translated home routes its own tree; a page not translated yet is found in the
        French tree and served on the English site, marked as French (docs/i18n.md)."""
        try:
            return super().route(request, path_components)
        except Http404:
            if languages.locale_code(self.locale_id) == settings.LANGUAGE_CODE:
                raise
            source = HomePage.objects.filter(
                translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE
            ).first()
            if source is None:
                raise
            return source.route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        private = selectors.private_q()
        context["engagements"] = selectors.engagements_under(page=self, private=private)
        context["latest_news"] = selectors.latest_news(under=self, limit=HOME_LISTS_LENGTH, private=private)
        context["debates"] = linked.debates_for_home(user=request.user, limit=HOME_LISTS_LENGTH)
        context["pacts"] = linked.latest_pacts(limit=HOME_LISTS_LENGTH)
        return context


class ProgrammePage(RoutesToOneChildType, IntroPage):
    parent_page_types = ["programme.HomePage"]
    subpage_types = ["programme.EngagementPage"]
    max_count_per_parent = 1

    class Meta:
        db_table = "cite_programmepage"  # created by the first migrations, in cite
        verbose_name = _("programme page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        engagements = list(selectors.engagements_under(page=self))
        context["engagements"] = engagements
        context["progress"] = sum((engagement.progress for engagement in engagements), Progress.none())
        return context


@dataclass(frozen=True)
class Progress:
    """How far the city has got with an engagement's actions."""

    planned: int
    in_progress: int
    done: int

    @classmethod
    def none(cls) -> "Progress":
        return cls(planned=0, in_progress=0, done=0)

    def __add__(self, other: "Progress") -> "Progress":
        return Progress(
            planned=self.planned + other.planned,
            in_progress=self.in_progress + other.in_progress,
            done=self.done + other.done,
        )

    @property
    def total(self) -> int:
        return self.planned + self.in_progress + self.done

    @property
    def percent_done(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


class EngagementPage(MetaMixin, Page):
    """One of the ten commitments of "Faire la ville du lien"."""

    number = models.PositiveSmallIntegerField(_("number"), validators=[MinValueValidator(1), MaxValueValidator(10)])
    summary = models.TextField(
        _("summary"), max_length=400, blank=True, help_text=_("Two or three sentences, shown on the tiles.")
    )
    principle = models.TextField(_("principle"), blank=True)
    actions = StreamField(
        [("action", ActionBlock())], blank=True, verbose_name=_("what the city does"), use_json_field=True
    )
    example = StreamField(
        [("example", InspiringExampleBlock())],
        blank=True,
        max_num=1,
        verbose_name=_("inspiring example"),
        use_json_field=True,
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("number"),
        FieldPanel("summary"),
        FieldPanel("principle"),
        FieldPanel("actions"),
        FieldPanel("example"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("principle"),
        index.SearchField("actions"),
        index.SearchField("example"),
        index.FilterField("number"),
    ]
    api_fields = [
        APIField("number"),
        APIField("summary"),
        APIField("principle"),
        APIField("actions"),
        APIField("example"),
    ]
    parent_page_types = ["programme.ProgrammePage"]
    subpage_types: list[str] = []
    # Ten in each language: a number is unique among the engagements of one locale (clean()).
    max_count_per_parent = 10

    class Meta:
        db_table = "cite_engagementpage"  # created by the first migrations, in cite
        verbose_name = _("engagement page")
        ordering = ["number"]

    def clean(self):
        super().clean()
        others = EngagementPage.objects.filter(number=self.number, locale_id=self.locale_id).exclude(pk=self.pk)
        if self.number is not None and others.exists():
            raise ValidationError({"number": _("Another engagement already has this number.")})

    @property
    def progress(self) -> Progress:
        statuses = [block.value.get("status") for block in self.actions]
        return Progress(
            planned=statuses.count(ActionStatus.PLANNED),
            in_progress=statuses.count(ActionStatus.IN_PROGRESS),
            done=statuses.count(ActionStatus.DONE),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        private = selectors.private_q()
        context["previous"], context["next"] = selectors.engagement_neighbours(engagement=self, private=private)
        # Debates and pacts are linked to the French page: its translations list them too.
        context["debates"] = linked.debates_for_engagement(engagement_id=self.source_page_id, user=request.user)
        context["pacts"] = linked.pacts_for_engagement(engagement_id=self.source_page_id, user=request.user)
        context["news"] = selectors.latest_news(engagement=self, limit=HOME_LISTS_LENGTH, private=private)
        # Sections other apps add (the evaluation: this engagement's indicators).
        context["sections"] = linked.engagement_sections(page=self, request=request)
        for section in context["sections"]:
            context.update(section.context)
        return context


class NewsIndexPage(RoutesToOneChildType, IntroPage):
    parent_page_types = ["programme.HomePage"]
    subpage_types = ["programme.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        db_table = "cite_newsindexpage"  # created by the first migrations, in cite
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tag = request.GET.get("tag", "")[:100]
        context["tag"] = tag
        context["news_page"] = selectors.news_listing(
            index=self, tag=tag, page_number=request.GET.get("page"), per_page=NEWS_PER_PAGE
        )
        return context


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("programme.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        db_table = "cite_newspagetag"  # created by the first migrations, in cite


class NewsPage(MetaMixin, Page):
    page_kind = "article"

    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(_("summary"), max_length=400, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"), use_json_field=True)
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))
    engagement = models.ForeignKey(
        "programme.EngagementPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news",
        verbose_name=_("engagement"),
        help_text=_("The news item is also listed on this engagement's page."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("date"), FieldPanel("engagement"), FieldPanel("tags")], heading=_("About")),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    api_fields = [APIField("date"), APIField("summary"), APIField("body"), APIField("tags"), APIField("engagement")]
    parent_page_types = ["programme.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        db_table = "cite_newspage"  # created by the first migrations, in cite
        verbose_name = _("news item")
        verbose_name_plural = _("news items")


class StandardPage(MetaMixin, Page):
    """Legal notice, accessibility statement, participation charter and the like."""

    summary = models.TextField(_("summary"), max_length=400, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"), use_json_field=True)

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    api_fields = [APIField("summary"), APIField("body")]
    parent_page_types = ["programme.HomePage", "programme.StandardPage"]
    subpage_types = ["programme.StandardPage"]

    class Meta:
        db_table = "cite_standardpage"  # created by the first migrations, in cite
        verbose_name = _("standard page")
