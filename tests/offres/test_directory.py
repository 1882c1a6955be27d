"""The public directory through the test client: filters without JavaScript, offer pages, the
map's GeoJSON, calendars, open data, the site search and the main menu."""

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from offres.models import Offer
from offres.selectors import offers_listed

pytestmark = pytest.mark.django_db


def test_offers_listed_holds_published_and_to_verify_only(make_offer):
    shown = {make_offer(title="A").pk, make_offer(title="B", status=Offer.Status.TO_VERIFY).pk}
    for status in (Offer.Status.SUGGESTED, Offer.Status.WITHDRAWN, Offer.Status.REJECTED):
        make_offer(title=status, status=status)
    assert set(offers_listed().values_list("pk", flat=True)) == shown


def test_detail_shows_a_listed_offer_and_hides_the_others(client, make_offer):
    offer = make_offer(title="Jardinage collectif")
    response = client.get(f"/offres/{offer.pk}/")
    assert response.status_code == 200
    assert "Jardinage collectif" in response.content.decode()
    hidden = make_offer(title="Caché", status=Offer.Status.SUGGESTED)
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get("/offres/99999999/").status_code == 404
    assert client.get("/offres/99999999999999999999999/").status_code == 404


def _titles(response) -> set[str]:
    return {offer.title for offer in response.context["page"].object_list}


@pytest.fixture
def catalogue(make_offer, make_organisation):
    org = make_organisation(name="Centre social")
    return {
        "garden": make_offer(
            title="Jardinage",
            kind=Offer.Kind.GROUP,
            neighbourhood="Centre",
            screen_free=True,
            companion_first_visit=True,
            step_free=True,
            organisation=org,
        ),
        "walk": make_offer(
            title="Marche", audience=Offer.Audience.SENIORS, neighbourhood="Les Rives", screen_free=True
        ),
        "digital": make_offer(title="Atelier numérique", cost=Offer.Cost.SOLIDARITY, neighbourhood="La Gare"),
        "yoga": make_offer(title="Yoga", cost=Offer.Cost.PRICE, audience=Offer.Audience.YOUNG, neighbourhood="Centre"),
        "old": make_offer(title="Vieille offre", status=Offer.Status.WITHDRAWN, screen_free=True),
    }


@pytest.mark.parametrize(
    "query,expected",
    [
        ("", {"Jardinage", "Marche", "Atelier numérique", "Yoga"}),
        ("?sans_ecran=1", {"Jardinage", "Marche"}),
        ("?cout=gratuit", {"Jardinage", "Marche"}),
        ("?cout=solidaire", {"Jardinage", "Marche", "Atelier numérique"}),
        ("?quartier=Centre", {"Jardinage", "Yoga"}),
        ("?type=group", {"Jardinage"}),
        ("?public=seniors", {"Jardinage", "Marche", "Atelier numérique"}),  # « all ages » includes seniors
        ("?plain_pied=1", {"Jardinage"}),
        ("?accompagnement=1", {"Jardinage"}),
        ("?q=numérique", {"Atelier numérique"}),
        ("?q=centre+social", {"Jardinage"}),  # the organisation's name
        ("?cout=gratuit&sans_ecran=1&quartier=Les+Rives", {"Marche"}),
    ],
)
def test_filters_work_without_javascript(client, catalogue, query, expected):
    response = client.get(f"/offres/{query}")
    assert response.status_code == 200
    assert _titles(response) == expected


@pytest.mark.parametrize("words", ["numérique", "numerique", "NUMÉRIQUE", "Numerique", "atelier NUMERIQUE"])
def test_the_word_search_ignores_case_and_accents(client, catalogue, words):
    assert _titles(client.get("/offres/", {"q": words})) == {"Atelier numérique"}


def test_the_word_search_looks_in_places_descriptions_and_organisations_without_accents(
    client, make_offer, make_organisation
):
    make_offer(title="Lecture à voix haute", place_name="Bibliothèque Aragon")
    make_offer(title="Club de lecture", description="On se retrouve à la BIBLIOTHÈQUE du quartier.")
    make_offer(title="Goûter", organisation=make_organisation(name="Maison des Écoles"))
    make_offer(title="Cœur de chœur", summary="Chanter l’été.")
    for words, expected in [
        ("bibliotheque", {"Lecture à voix haute", "Club de lecture"}),
        ("Bibliothèque aragon", {"Lecture à voix haute"}),
        ("ecoles", {"Goûter"}),
        ("gouter", {"Goûter"}),
        ("coeur", {"Cœur de chœur"}),
        ("l'ete", {"Cœur de chœur"}),
        ("bibliotheque piscine", set()),
    ]:
        assert _titles(client.get("/offres/", {"q": words})) == expected, words


def test_the_word_search_follows_offers_saved_through_the_services(client, people, offer_data):
    from offres.services import offer_create, offer_update

    offer = offer_create(actor=people.representative, data=offer_data(title="Atelier vélo", place_name="La Forge"))
    assert _titles(client.get("/offres/", {"q": "VELO forge"})) == {"Atelier vélo"}
    assert _titles(client.get("/offres/", {"q": "jardins partages"})) == {"Atelier vélo"}  # its organisation
    offer_update(actor=people.representative, offer=offer, data={"title": "Réparation de vélos"})
    assert _titles(client.get("/offres/", {"q": "reparation"})) == {"Réparation de vélos"}
    assert _titles(client.get("/offres/", {"q": "atelier"})) == set()
    assert client.get("/offres/offres.csv", {"q": "REPARATION"}).content.decode().count("Réparation de vélos") == 1


def test_the_migration_folds_the_offers_already_there(make_offer, make_organisation):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("offres.migrations.0004_offer_search_text")
    offer = make_offer(title="Éveil musical", organisation=make_organisation(name="Conservatoire Léo"))
    Offer.objects.update(search_text="")
    migration.fill_search_text(apps, None)
    offer.refresh_from_db()
    assert "eveil musical" in offer.search_text and "conservatoire leo" in offer.search_text


def test_a_forged_filter_is_shown_as_an_error_and_left_out(client, catalogue):
    response = client.get("/offres/?type=casino&quartier=<script>&sans_ecran=1")
    assert response.status_code == 400
    assert _titles(response) == {"Jardinage", "Marche"}
    assert "<script>" not in response.content.decode()
    assert client.get("/offres/offres.csv?type=casino").status_code == 400


def test_the_directory_costs_the_same_queries_whatever_the_number_of_offers(
    client, make_offer, django_assert_max_num_queries
):
    for n in range(3):
        make_offer(title=f"Offre {n}", neighbourhood="Centre")
    with django_assert_max_num_queries(12) as few:
        client.get("/offres/")
    for n in range(30):
        make_offer(title=f"Autre {n}", neighbourhood="La Gare", status=Offer.Status.TO_VERIFY)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/offres/")


def test_an_offer_page_shows_what_helps_to_decide_and_when_it_was_confirmed(client, make_offer):
    offer = make_offer(
        title="Jardinage",
        description="<b>gras</b> https://exemple.org",
        price="",
        screen_free=True,
        companion_first_visit=True,
        last_confirmed_at=timezone.make_aware(dt.datetime(2026, 3, 2, 10)),
        contact_email="contact@jardins.example.org",
        latitude="48.858500",
        longitude="2.343000",
    )
    page = client.get(offer.get_absolute_url()).content.decode()
    assert "Sans écran" in page and "Quelqu’un peut vous accompagner" in page
    assert "2 mars 2026" in page  # last confirmed
    assert "&lt;b&gt;gras&lt;/b&gt;" in page and 'rel="nofollow ugc noopener"' in page
    assert 'data-map="point"' in page


def test_an_offer_to_verify_is_listed_with_a_warning(client, make_offer):
    offer = make_offer(title="Soirée jeux", status=Offer.Status.TO_VERIFY)
    assert "À vérifier" in client.get("/offres/").content.decode()
    assert "pas confirmé" in client.get(offer.get_absolute_url()).content.decode()


def test_a_weekly_offer_has_a_calendar_with_a_repeat_rule(client, make_offer):
    start = timezone.make_aware(dt.datetime(2027, 3, 6, 10, 0))  # a Saturday
    offer = make_offer(
        title="Jardinage du samedi",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        recurrence=Offer.Recurrence.WEEKLY,
        recurrence_until=dt.date(2027, 6, 26),
        place_name="Jardin des Lilas",
    )
    response = client.get(f"/offres/{offer.pk}/calendrier.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["summary"]) == "Jardinage du samedi"
    rule = event["rrule"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["SA"]
    assert rule["UNTIL"][0].date() == dt.date(2027, 6, 26)
    assert event["uid"].startswith(f"offer-{offer.pk}@")


def _occurrences(event):
    """The starts of an event expanded by its RRULE, as a calendar client would."""
    from dateutil.rrule import rrulestr

    rule = event["rrule"].to_ical().decode()
    return list(rrulestr(rule, dtstart=event.decoded("dtstart")))


@pytest.mark.parametrize("url", ["/offres/{pk}/calendrier.ics", "/offres/offres.ics"])
def test_a_weekly_offer_keeps_its_local_hour_in_summer(client, make_offer, url):
    paris = ZoneInfo("Europe/Paris")
    start = dt.datetime(2026, 12, 12, 10, 0, tzinfo=paris)  # a Saturday, in winter time
    offer = make_offer(
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        recurrence=Offer.Recurrence.WEEKLY,
        recurrence_until=dt.date(2027, 9, 25),
    )
    body = client.get(url.format(pk=offer.pk)).content
    calendar = Calendar.from_ical(body)
    assert b"DTSTART;TZID=Europe/Paris:20261212T100000" in body
    assert b"DTEND;TZID=Europe/Paris:20261212T120000" in body
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    event = calendar.walk("VEVENT")[0]
    # UNTIL is in UTC when DTSTART has a time zone (RFC 5545, 3.3.10).
    assert event["rrule"]["UNTIL"][0].utcoffset() == dt.timedelta(0)
    starts = [moment.astimezone(paris) for moment in _occurrences(event)]
    july = [moment for moment in starts if moment.month == 7]
    assert july and all((moment.hour, moment.minute) == (10, 0) for moment in july)
    assert starts[-1].date() == dt.date(2027, 9, 25)


@pytest.mark.parametrize(
    "recurrence,expected",
    [
        (Offer.Recurrence.FORTNIGHTLY, {"FREQ": ["WEEKLY"], "BYDAY": ["TU"], "INTERVAL": [2]}),
        (Offer.Recurrence.MONTHLY, {"FREQ": ["MONTHLY"], "BYDAY": ["2TU"]}),
    ],
)
def test_fortnightly_and_monthly_rules(client, make_offer, recurrence, expected):
    start = timezone.make_aware(dt.datetime(2027, 3, 9, 14, 0))  # the second Tuesday of March
    offer = make_offer(starts_at=start, ends_at=start + dt.timedelta(hours=1), recurrence=recurrence)
    event = Calendar.from_ical(client.get(f"/offres/{offer.pk}/calendrier.ics").content).walk("VEVENT")[0]
    assert dict(event["rrule"]) == expected


def test_a_place_with_opening_hours_has_no_calendar(client, make_offer):
    offer = make_offer(recurrence=Offer.Recurrence.OPEN_HOURS, starts_at=None)
    assert client.get(f"/offres/{offer.pk}/calendrier.ics").status_code == 404
    assert "calendrier.ics" not in client.get(offer.get_absolute_url()).content.decode()


def test_the_directory_calendar_follows_the_filters(client, make_offer):
    start = timezone.make_aware(dt.datetime(2027, 3, 6, 10, 0))
    make_offer(title="Gratuit", starts_at=start, ends_at=start, screen_free=True)
    make_offer(title="Payant", starts_at=start, ends_at=start, cost=Offer.Cost.PRICE)
    body = client.get("/offres/offres.ics?cout=gratuit").content
    assert [str(e["summary"]) for e in Calendar.from_ical(body).walk("VEVENT")] == ["Gratuit"]


def test_geojson_holds_the_offers_with_a_place_for_the_map(client, make_offer):
    make_offer(title="Placée", latitude="48.85", longitude="2.35")
    make_offer(title="Sans lieu")
    data = json.loads(client.get("/offres/offres.geojson").content)
    assert [f["properties"]["title"] for f in data["features"]] == ["Placée"]
    assert data["features"][0]["geometry"]["coordinates"] == [2.35, 48.85]
    assert data["features"][0]["properties"]["url"].endswith(f"/offres/{data['features'][0]['id']}/")


def test_csv_lists_listed_offers_only_and_neutralises_formulas(client, make_offer):
    make_offer(title="=HYPERLINK(1)")
    make_offer(title="Retirée", status=Offer.Status.WITHDRAWN)
    body = client.get("/offres/offres.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in body and "Retirée" not in body


def test_site_search_finds_listed_offers_only(client, make_offer):
    make_offer(title="Chorale du quartier")
    make_offer(title="Chorale secrète", status=Offer.Status.SUGGESTED)
    page = client.get("/recherche/?q=chorale").content.decode()
    assert "Chorale du quartier" in page and "Chorale secrète" not in page


def test_the_main_menu_links_to_the_directory(client):
    page = client.get("/offres/").content.decode()
    assert '<a href="/offres/" aria-current="page">' in page


def test_the_sitemap_lists_listed_offers(client, make_offer):
    shown = make_offer(title="Visible")
    hidden = make_offer(title="Caché", status=Offer.Status.SUGGESTED)
    body = client.get("/sitemap.xml").content.decode()
    assert f"/offres/{shown.pk}/" in body and f"/offres/{hidden.pk}/" not in body


def test_an_engagement_page_lists_the_offers_that_serve_it(client, make_offer, build_programme):
    from programme.models import EngagementPage

    build_programme()
    engagement = EngagementPage.objects.order_by("number").first()
    offer = make_offer(title="Chorale du quartier")
    offer.engagements.add(engagement)
    hidden = make_offer(title="Chorale retirée", status=Offer.Status.WITHDRAWN)
    hidden.engagements.add(engagement)
    page = client.get(engagement.url).content.decode()
    assert "Chorale du quartier" in page and "Chorale retirée" not in page
    assert f"/offres/?engagement={engagement.pk}" in page


def test_an_organisation_renamed_in_the_admin_is_found_after_the_scheduled_task(client, make_offer, make_organisation):
    from accounts.models import Organisation
    from offres.tasks import confirmation_cycle

    organisation = make_organisation(name="Amicale du Nord")
    offer = make_offer(title="Belote", organisation=organisation)
    Organisation.objects.filter(pk=organisation.pk).update(name="Club des Aînés")
    assert _titles(client.get("/offres/", {"q": "aines"})) == set()
    assert confirmation_cycle()["search_refreshed"] == [offer.pk]
    assert _titles(client.get("/offres/", {"q": "aines"})) == {"Belote"}
