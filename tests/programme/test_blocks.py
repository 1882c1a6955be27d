"""Blocks validate what an editor enters: dates in order, alternative text on images."""

import datetime

import pytest
from django.core.files.base import ContentFile
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from programme.blocks import ActionBlock, BodyBlock
from programme.models import StandardPage
from tests.programme.conftest import publish

pytestmark = pytest.mark.django_db


def test_action_refuses_an_end_date_before_its_start():
    block = ActionBlock()
    value = block.to_python(
        {"title": "Des bancs", "status": "planned", "start_date": "2026-05-01", "end_date": "2026-04-01"}
    )

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)

    assert "end_date" in error.value.block_errors


def test_action_accepts_dates_in_order():
    block = ActionBlock()
    value = block.to_python(
        {"title": "Des bancs", "status": "done", "start_date": "2026-04-01", "end_date": "2026-05-01"}
    )

    assert block.clean(value)["end_date"] == datetime.date(2026, 5, 1)


def test_action_refuses_an_unknown_status():
    block = ActionBlock()

    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"title": "Des bancs", "status": "abandoned"}))


def test_body_image_needs_alternative_text_unless_decorative(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    image = Image.objects.create(title="Place du marché", file=get_test_image_file())
    body = BodyBlock()

    without_alt = body.to_python([{"type": "image", "value": {"image": image.pk, "alt_text": "", "decorative": False}}])
    with_alt = body.to_python(
        [{"type": "image", "value": {"image": image.pk, "alt_text": "Des bancs", "decorative": False}}]
    )
    decorative = body.to_python([{"type": "image", "value": {"image": image.pk, "alt_text": "", "decorative": True}}])

    with pytest.raises(StreamBlockValidationError) as error:
        body.clean(without_alt)
    assert "alt_text" in error.value.block_errors[0].block_errors
    body.clean(with_alt)
    body.clean(decorative)


def test_body_renders_images_with_their_alt_text_and_documents_as_links(home, client, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    image = Image.objects.create(title="photo-1234.jpg", file=get_test_image_file())
    document = Document.objects.create(title="Rapport annuel", file=ContentFile(b"%PDF-1.4 demo", name="rapport.pdf"))
    publish(
        home,
        StandardPage(
            title="Point annuel",
            slug="point-annuel",
            body=[
                {"type": "image", "value": {"image": image.pk, "alt_text": "Bancs de la place", "decorative": False}},
                {"type": "document", "value": {"document": document.pk, "title": ""}},
            ],
        ),
    )

    html = client.get("/point-annuel/").content.decode()

    assert 'alt="Bancs de la place"' in html
    assert f'<a href="{document.url}">Rapport annuel</a>' in html
    assert "(PDF" in html
