"""StreamField blocks of the programme pages: actions, the inspiring example, rich bodies."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class ActionBlock(blocks.StructBlock):
    """One thing the city does for an engagement, with how far it has got."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    description = blocks.TextBlock(label=_("Description"), required=False)
    status = blocks.ChoiceBlock(label=_("Status"), choices=ActionStatus.choices, default=ActionStatus.PLANNED)
    department = blocks.CharBlock(label=_("Responsible department"), max_length=150, required=False)
    start_date = blocks.DateBlock(label=_("Start date"), required=False)
    end_date = blocks.DateBlock(label=_("End date"), required=False)

    def clean(self, value):
        value = super().clean(value)
        start, end = value.get("start_date"), value.get("end_date")
        if start and end and end < start:
            raise StructBlockValidationError(
                block_errors={"end_date": ValidationError(_("The end date cannot be before the start date."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        status = value.get("status")
        context["status_label"] = ActionStatus(status).label if status in ActionStatus.values else status
        return context

    class Meta:
        icon = "tick-inverse"
        label = _("Action")
        template = "programme/blocks/action.html"


class InspiringExampleBlock(blocks.StructBlock):
    """A place elsewhere that already does what the engagement asks."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    place = blocks.CharBlock(label=_("Place"), max_length=120, required=False)
    text = blocks.TextBlock(label=_("Text"))

    class Meta:
        icon = "pick"
        label = _("Inspiring example")
        template = "programme/blocks/example.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False, help_text=_("Defaults to the document's title."))

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "programme/blocks/document.html"


RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class BodyBlock(blocks.StreamBlock):
    """Free content of news and standard pages. Images go through ImageBlock, which refuses an
    image without alternative text unless the editor marks it as decorative."""

    heading = blocks.CharBlock(label=_("Heading"), form_classname="title", template="programme/blocks/heading.html")
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=RICH_TEXT_FEATURES)
    image = ImageBlock(label=_("Image"), template="programme/blocks/image.html")
    quote = blocks.BlockQuoteBlock(label=_("Quote"))
    document = DocumentBlock()

    class Meta:
        label = _("Content")
