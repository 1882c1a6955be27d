"""The blocks of the yearly report ("point annuel ville du lien")."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from evaluation.indicators.figures import figure_choices
from programme.blocks import RICH_TEXT_FEATURES


def _engagement_choices() -> list[tuple[str, str]]:
    from django.utils.translation import gettext

    return [("", gettext("All engagements"))] + [
        (str(number), gettext("Engagement %(number)s") % {"number": number}) for number in range(1, 11)
    ]


class EngagementNarrativeBlock(blocks.StructBlock):
    """What the city did for one engagement during the year, in the editors' words."""

    engagement = blocks.PageChooserBlock(page_type="programme.EngagementPage", label=_("Engagement"))
    text = blocks.RichTextBlock(label=_("Narrative"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "edit"
        label = _("Narrative of an engagement")
        template = "evaluation/blocks/engagement_narrative.html"


class IndicatorBlock(blocks.StructBlock):
    """A figure of the report's year, computed from the live data while the report is a draft and
    frozen when it is published (``evaluation.reports.report_freeze``): a published report never
    changes afterwards."""

    figure = blocks.ChoiceBlock(label=_("Figure"), choices=figure_choices)
    engagement = blocks.ChoiceBlock(
        label=_("Engagement"), choices=_engagement_choices, required=False, help_text=_("Empty: all engagements.")
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        context["shown"] = page.figure_shown(key=value["figure"], engagement=value.get("engagement")) if page else None
        return context

    class Meta:
        icon = "table"
        label = _("Indicator")
        template = "evaluation/blocks/indicator.html"


class ReportBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), form_classname="title", template="programme/blocks/heading.html")
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=RICH_TEXT_FEATURES)
    engagement = EngagementNarrativeBlock()
    indicator = IndicatorBlock()

    class Meta:
        label = _("Content")
