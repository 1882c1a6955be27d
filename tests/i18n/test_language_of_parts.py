"""Language of parts (WCAG 3.1.2): user content keeps the language it was written in and says so
in the pages, the room's frames, the search results and the pact PDF."""

import io
import uuid

import pikepdf
import pytest
from django.utils import translation

from debates import frames, services
from debates.models import Debate
from pactes.models import Pact
from pactes.services.comments import comment_post

pytestmark = pytest.mark.django_db


def test_a_message_keeps_the_language_its_author_wrote_in(debate, resident, joined):
    joined(resident)
    with translation.override("en"):
        english = services.message_post(actor=resident, debate=debate, client_id=uuid.uuid4(), body="Hello").message
    with translation.override("fr"):
        french = services.message_post(actor=resident, debate=debate, client_id=uuid.uuid4(), body="Salut").message

    assert (english.language, french.language) == ("en", "fr")
    # The live frame says it too (docs/protocol.md).
    assert frames.message(english, debate)["lang"] == "en"


def test_a_variant_of_a_language_is_stored_as_the_language(debate, resident, joined):
    joined(resident)
    with translation.override("en-gb"):
        message = services.message_post(actor=resident, debate=debate, client_id=uuid.uuid4(), body="Hi").message

    assert message.language == "en"


def test_the_room_marks_a_message_in_the_other_language(client, debate, resident, joined, home):
    joined(resident)
    with translation.override("en"):
        english = services.message_post(actor=resident, debate=debate, client_id=uuid.uuid4(), body="Hello").message
    french = services.message_post(actor=resident, debate=debate, client_id=uuid.uuid4(), body="Salut").message

    page = client.get(debate.get_absolute_url()).content.decode()

    assert f'id="message-{english.pk}"' in page
    english_item = page.split(f'id="message-{english.pk}"', 1)[1].split("</li>", 1)[0]
    french_item = page.split(f'id="message-{french.pk}"', 1)[1].split("</li>", 1)[0]
    assert '<div class="room-message__body" lang="en">' in english_item
    assert '<div class="room-message__body">' in french_item
    # The room's socket speaks the page's language.
    assert 'data-ws-path="/ws/debats/' in page and '?lang=fr"' in page


def test_a_french_debate_on_the_english_site_is_marked_and_said_to_be_french(client, debate, home):
    assert debate.language == "fr"

    page = client.get(f"/en{debate.get_absolute_url()}").content.decode()

    assert '<html lang="en">' in page
    assert f'<h1 lang="fr">{debate.title}</h1>' in page
    assert f'<span lang="fr">{debate.question}</span> <span class="in-language">(in French)</span>' in page
    listing = client.get("/en/debats/").content.decode()
    assert f'<span lang="fr">{debate.question}</span> <span class="in-language">(in French)</span>' in listing


def test_an_english_debate_on_the_french_site_says_it_is_in_english(client, make_debate, home):
    with translation.override("en"):
        debate = make_debate(title="Benches", question="Where should the benches go?")
    assert debate.language == "en"

    page = client.get(debate.get_absolute_url()).content.decode()

    assert '<span lang="en">Where should the benches go?</span> <span class="in-language">(en anglais)</span>' in page


def test_a_comment_and_a_pact_keep_their_language(make_pact, people, client):
    with translation.override("en"):
        pact = make_pact(status=Pact.Status.CONSULTATION, title="Lilac garden")
    clause = pact.versions.get(number=1).clauses.first()
    with translation.override("en"):
        comment = comment_post(actor=people.resident, pact=pact, version_number=1, clause_id=clause.pk, body="Nice")

    assert (pact.language, comment.language) == ("en", "en")
    page = client.get(pact.get_absolute_url()).content.decode()
    assert '<h1><span lang="en">Lilac garden</span> <span class="in-language">(en anglais)</span></h1>' in page
    assert '<div class="comment__body" lang="en">' in page
    assert '<div class="clause__body" lang="en">' in page


def test_the_pdf_of_an_english_pact_is_in_english(make_pact, client):
    with translation.override("en"):
        english = make_pact(status=Pact.Status.SIGNING, title="Lilac garden")
    french = make_pact(status=Pact.Status.SIGNING)

    def lang(pact):
        data = client.get(f"/pactes/{pact.pk}/versions/1.pdf").content
        with pikepdf.open(io.BytesIO(data)) as pdf:
            return str(pdf.Root.Lang)

    assert lang(english) == "en"
    assert lang(french) == "fr"


def test_search_results_in_another_language_are_marked(client, make_debate, home):
    make_debate(title="Bancs publics", question="Où mettre les bancs ?", visibility=Debate.Visibility.PUBLIC)

    page = client.get("/en/recherche/?q=bancs").content.decode()

    assert '<a href="/en/debats/' in page or '<a href="/debats/' in page
    assert 'lang="fr">Bancs publics</a> <span class="in-language">(in French)</span>' in page
