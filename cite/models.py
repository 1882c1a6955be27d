"""Pages of the municipal programme."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")


class ProgrammePage(Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cite.HomePage"]
    subpage_types = ["cite.EngagementPage"]
    max_count = 1

    class Meta:
        verbose_name = _("programme page")


class EngagementPage(Page):
    """One of the ten commitments of "Faire la ville du lien"."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    principle = models.TextField(_("principle"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("number"), FieldPanel("principle")]
    parent_page_types = ["cite.ProgrammePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("engagement page")
        ordering = ["number"]
