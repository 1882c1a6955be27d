"""Debates, pacts and offers link to the programme's French engagement pages; on the English site
they show and link to the engagement's translation, or to the French page (marked as French) when
it has none."""

import pytest
from django.utils import timezone

from offres.models import Offer

pytestmark = pytest.mark.django_db


def test_a_debate_links_to_its_engagement_in_the_language_being_read(client, make_debate, bilingual):
    translated, untranslated = bilingual["engagements"]
    english = bilingual["english_engagement"]
    debate = make_debate(engagement=translated)
    other = make_debate(engagement=untranslated)

    # French first: once the English site is read, an unprefixed address leads to English.
    french_room = client.get(f"/debats/{debate.slug}/").content.decode()
    english_room = client.get(f"/en/debats/{debate.slug}/").content.decode()
    english_other = client.get(f"/en/debats/{other.slug}/").content.decode()

    assert f'href="{translated.url}"' in french_room and english.url not in french_room
    assert english.url.startswith("/en/")
    assert f'href="{english.url}"' in english_room and f'href="{translated.url}"' not in english_room
    assert english.title in english_room and english.title.startswith("EN ")
    assert f'href="{untranslated.url}"' in english_other


def test_the_english_list_of_debates_links_to_english_engagements_in_constant_queries(
    client, make_debate, bilingual, django_assert_max_num_queries
):
    translated, untranslated = bilingual["engagements"]
    english = bilingual["english_engagement"]
    make_debate(engagement=translated)
    make_debate(engagement=untranslated)
    client.get("/en/debats/")
    with django_assert_max_num_queries(60) as few:
        page = client.get("/en/debats/").content.decode()
    for _ in range(6):
        make_debate(engagement=translated)
        make_debate(engagement=untranslated)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/en/debats/")

    assert f'href="{english.url}"' in page and f'href="{untranslated.url}"' in page


def test_a_pact_links_to_its_engagement_in_the_language_being_read(client, make_pact, bilingual):
    translated = bilingual["engagements"][0]
    english = bilingual["english_engagement"]
    pact = make_pact(status="active")
    pact.engagement = translated
    pact.save(update_fields=["engagement"])

    # French first: once the English site is read, an unprefixed address leads to English.
    french_page = client.get(pact.get_absolute_url()).content.decode()
    english_page = client.get(f"/en{pact.get_absolute_url()}").content.decode()

    assert f'href="{english.url}">{english.title}</a>' in english_page
    assert f'href="{translated.url}">{translated.title}</a>' in french_page


def test_an_offer_and_the_directorys_filter_name_engagements_in_the_language_being_read(client, bilingual):
    translated, untranslated = bilingual["engagements"]
    english = bilingual["english_engagement"]
    offer = Offer.objects.create(
        title="Atelier tricot",
        summary="Tricoter ensemble.",
        status=Offer.Status.PUBLISHED,
        last_confirmed_at=timezone.now(),
    )
    offer.engagements.add(translated, untranslated)

    french_directory = client.get("/offres/").content.decode()
    english_offer = client.get(f"/en/offres/{offer.pk}/").content.decode()
    english_directory = client.get("/en/offres/").content.decode()

    assert f'href="{english.url}"' in english_offer and f'href="{untranslated.url}"' in english_offer
    assert f'<option value="{translated.pk}">{translated.number}. {english.title}</option>' in english_directory
    assert (
        f'<option value="{untranslated.pk}">{untranslated.number}. {untranslated.title}</option>' in english_directory
    )
    assert f'<option value="{translated.pk}">{translated.number}. {translated.title}</option>' in french_directory
