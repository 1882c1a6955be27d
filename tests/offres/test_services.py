"""Publishing, updating, suggesting, reporting: bad input gets a clear error and changes nothing;
every change is in the public history."""

import pytest
from django.utils import timezone

from core.errors import InvalidInput, InvalidState, PermissionDenied
from offres.models import Offer, OfferEvent, OfferReport
from offres.services import offer_create, offer_report, offer_suggest, offer_transition, offer_update

pytestmark = pytest.mark.django_db


def test_create_publishes_confirmed_today_with_its_history(people, offer_data):
    offer = offer_create(actor=people.representative, data=offer_data())
    assert offer.status == Offer.Status.PUBLISHED
    assert offer.last_confirmed_at is not None and offer.created_by == people.representative
    assert list(offer.events.values_list("kind", flat=True)) == [OfferEvent.Kind.CREATED]


@pytest.mark.parametrize(
    "fields,code",
    [
        ({"kind": "casino"}, "INVALID_OFFER"),
        ({"cost": "gratuit-ou-pas"}, "INVALID_OFFER"),
        ({"audience": "robots"}, "INVALID_OFFER"),
        ({"title": ""}, "INVALID_OFFER"),
        ({"title": "x" * 201}, "INVALID_OFFER"),
        ({"summary": "x" * 301}, "INVALID_OFFER"),
        ({"description": "x" * 5001}, "TOO_LONG"),
        ({"contact_email": "pas une adresse"}, "INVALID_OFFER"),
        ({"latitude": "91", "longitude": "2"}, "INVALID_COORDINATES"),
        ({"latitude": "48.85", "longitude": "999"}, "INVALID_COORDINATES"),
        ({"latitude": "48.85"}, "INVALID_COORDINATES"),
        ({"longitude": "2.35"}, "INVALID_COORDINATES"),
        ({"cost": Offer.Cost.PRICE, "price": "  "}, "PRICE_REQUIRED"),
        ({"cost": Offer.Cost.SOLIDARITY}, "PRICE_REQUIRED"),
        ({"contact_phone": "abc"}, "INVALID_PHONE"),
        ({"contact_phone": "+"}, "INVALID_PHONE"),
        ({"latitude": "abc", "longitude": "2"}, "INVALID_OFFER"),
        ({"neighbourhood": "Quartier inventé"}, "INVALID_NEIGHBOURHOOD"),
        ({"organisation": 12}, "INVALID_ORGANISATION"),
        ({"organisation": None}, "ORGANISATION_REQUIRED"),
        ({"status": "published"}, "UNKNOWN_FIELD"),
        ({"created_by": 1}, "UNKNOWN_FIELD"),
        ({"engagements": [999999]}, "INVALID_ENGAGEMENT"),
        ({"engagements": ["1; DROP"]}, "INVALID_ENGAGEMENT"),
        ({"starts_at": timezone.now()}, "INVALID_DATES"),
        (
            {"starts_at": timezone.now(), "ends_at": timezone.now() - timezone.timedelta(hours=1)},
            "INVALID_DATES",
        ),
    ],
)
def test_create_refuses_bad_input_and_changes_nothing(people, offer_data, fields, code):
    with pytest.raises(InvalidInput) as error:
        offer_create(actor=people.city_agent, data=offer_data(**fields))
    assert error.value.code == code
    assert str(error.value.detail)
    assert not Offer.objects.exists() and not OfferEvent.objects.exists()


@pytest.mark.parametrize(
    "fields,field,message",
    [
        (
            {"starts_at": timezone.now(), "ends_at": timezone.now() - timezone.timedelta(hours=1)},
            "ends_at",
            "La fin doit suivre le début.",
        ),
        ({"latitude": "999", "longitude": "2"}, "latitude", "La latitude doit être comprise entre -90 et 90."),
        ({"latitude": "48.85", "longitude": None}, "longitude", "Indiquez aussi la longitude"),
        ({"cost": Offer.Cost.PRICE}, "price", "Dites combien cela coûte."),
    ],
)
def test_update_says_what_does_not_hold_together_without_constraint_names(people, make_offer, fields, field, message):
    offer = make_offer(organisation=people.association)
    with pytest.raises(InvalidInput) as error:
        offer_update(actor=people.representative, offer=offer, data=fields)
    assert error.value.extra["field"] == field
    assert message in str(error.value.detail) and "offer_" not in str(error.value.detail)
    assert not offer.events.exists()


def test_a_suggestion_with_half_a_position_is_refused(people):
    data = {"title": "Couture", "summary": "Coudre.", "latitude": "48.85"}
    with pytest.raises(InvalidInput) as error:
        offer_suggest(actor=people.resident, data=data)
    assert error.value.code == "INVALID_COORDINATES" and not Offer.objects.exists()


def test_phone_numbers_as_people_write_them_are_accepted(people, offer_data):
    for number in ("01 23 45 67 89", "+33 (0)1.23.45.67.89", "3939"):
        offer = offer_create(actor=people.representative, data=offer_data(contact_phone=number))
        assert offer.contact_phone == number


def test_user_text_is_cleaned_of_control_characters(people, offer_data):
    offer = offer_create(
        actor=people.representative,
        data=offer_data(title="  Jardin\x00 des   Lilas ", description="<script>alert(1)</script>\r\nLigne"),
    )
    assert offer.title == "Jardin des Lilas"
    assert offer.description == "<script>alert(1)</script>\nLigne"  # stored as text, escaped when shown


def test_update_by_a_representative_cannot_hand_the_offer_to_another_organisation(people, make_offer):
    offer = make_offer(organisation=people.association)
    with pytest.raises(PermissionDenied):
        offer_update(actor=people.representative, offer=offer, data={"organisation": people.other_association})
    offer.refresh_from_db()
    assert offer.organisation == people.association
    assert not offer.events.exists()


def test_update_records_the_fields_changed_and_confirms_an_offer_to_verify(people, make_offer):
    offer = make_offer(organisation=people.association, status=Offer.Status.TO_VERIFY)
    offer_update(actor=people.representative, offer=offer, data={"schedule": "Le mardi soir"})
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED and offer.schedule == "Le mardi soir"
    kinds = list(offer.events.values_list("kind", "transition"))
    assert kinds == [(OfferEvent.Kind.UPDATED, ""), (OfferEvent.Kind.TRANSITION, "confirm")]
    assert "quand" in offer.events.first().reason.lower() or "when" in offer.events.first().reason.lower()


def test_a_withdrawn_offer_cannot_be_updated(people, make_offer):
    offer = make_offer(organisation=people.association, status=Offer.Status.WITHDRAWN)
    with pytest.raises(InvalidInput):
        offer_update(actor=people.city_agent, offer=offer, data={"title": "Autre"})
    assert Offer.objects.get(pk=offer.pk).title == offer.title


def test_reject_and_withdraw_need_a_reason_written_in_the_history(people, make_offer):
    suggestion = make_offer(status=Offer.Status.SUGGESTED, created_by=people.resident)
    with pytest.raises(InvalidInput):
        offer_transition(offer=suggestion, name="reject", actor=people.city_agent, reason="   ")
    offer_transition(offer=suggestion, name="reject", actor=people.city_agent, reason="Déjà dans l’annuaire.")
    event = suggestion.events.get()
    assert (event.from_status, event.to_status, event.reason) == ("suggested", "rejected", "Déjà dans l’annuaire.")


def test_suggesting_is_rate_limited(people):
    for n in range(5):
        offer_suggest(actor=people.resident, data={"title": f"Idée {n}", "summary": "Une idée."})
    with pytest.raises(InvalidInput) as error:
        offer_suggest(actor=people.resident, data={"title": "Encore", "summary": "Une idée."})
    assert error.value.code == "RATE_LIMITED"
    assert Offer.objects.count() == 5


def test_a_suggestion_is_unlisted_and_the_city_agents_are_told(people):
    offer = offer_suggest(actor=people.resident, data={"title": "Couture", "summary": "Coudre ensemble."})
    assert offer.status == Offer.Status.SUGGESTED and not offer.is_listed
    from notifications.models import Notification

    assert Notification.objects.filter(kind="offer_suggested", recipient=people.city_agent).exists()


def test_reports_from_several_residents_mark_the_offer_to_verify_and_confirming_answers_them(
    people, make_offer, make_user, settings
):
    settings.OFFER_REPORTS_TO_VERIFY = 2
    offer = make_offer(organisation=people.association)
    offer_report(actor=people.resident, offer=offer, reason="Plus le mardi.")
    assert Offer.objects.get(pk=offer.pk).status == Offer.Status.PUBLISHED
    with pytest.raises(InvalidState):
        offer_report(actor=people.resident, offer=offer, reason="Encore.")
    offer_report(actor=make_user(), offer=offer, reason="Salle fermée.")
    offer.refresh_from_db()
    assert offer.status == Offer.Status.TO_VERIFY
    offer_transition(offer=offer, name="confirm", actor=people.representative)
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED
    assert not OfferReport.objects.filter(offer=offer, resolved_at__isnull=True).exists()
    # The history says the offer was reported, never by whom.
    assert not offer.events.filter(kind=OfferEvent.Kind.REPORTED, actor__isnull=False).exists()


@pytest.mark.parametrize("reason,code", [("", "REASON_REQUIRED"), ("x" * 1001, "TOO_LONG")])
def test_a_report_needs_a_short_reason(people, make_offer, reason, code):
    offer = make_offer(organisation=people.association)
    with pytest.raises(InvalidInput) as error:
        offer_report(actor=people.resident, offer=offer, reason=reason)
    assert error.value.code == code
    assert not OfferReport.objects.exists()


def test_an_unlisted_offer_cannot_be_reported(people, make_offer):
    offer = make_offer(status=Offer.Status.WITHDRAWN)
    with pytest.raises(PermissionDenied):
        offer_report(actor=people.resident, offer=offer, reason="Fermé")


def test_updating_a_published_offer_writes_no_status_change_that_changes_nothing(people, make_offer):
    offer = make_offer(organisation=people.association)
    offer_update(actor=people.representative, offer=offer, data={"schedule": "Le mardi soir"})
    assert list(offer.events.values_list("kind", flat=True)) == [OfferEvent.Kind.UPDATED]
    assert not offer.events.filter(kind=OfferEvent.Kind.TRANSITION).exists()


def test_confirming_a_published_offer_is_a_confirmation_in_the_history(people, make_offer):
    offer = make_offer(organisation=people.association, last_confirmed_at=timezone.now() - timezone.timedelta(days=80))
    offer_transition(offer=offer, name="confirm", actor=people.representative)
    # Saving the form unchanged confirms it too.
    offer_update(actor=people.representative, offer=offer, data={"schedule": offer.schedule})
    events = list(offer.events.values_list("kind", "transition", "from_status", "to_status"))
    assert events == [(OfferEvent.Kind.CONFIRMED, "confirm", "published", "published")] * 2
    offer.refresh_from_db()
    assert offer.last_confirmed_at > timezone.now() - timezone.timedelta(minutes=1)


def test_the_migration_reads_past_confirmations_as_confirmations(people, make_offer):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("offres.migrations.0005_offer_event_confirmed")
    offer = make_offer(organisation=people.association)
    same = OfferEvent.objects.create(offer=offer, kind="transition", transition="confirm", from_status="published",
                                     to_status="published")  # fmt: skip
    change = OfferEvent.objects.create(offer=offer, kind="transition", transition="confirm", from_status="to_verify",
                                       to_status="published")  # fmt: skip
    migration.confirmations_are_not_status_changes(apps, None)
    assert OfferEvent.objects.get(pk=same.pk).kind == OfferEvent.Kind.CONFIRMED
    assert OfferEvent.objects.get(pk=change.pk).kind == OfferEvent.Kind.TRANSITION


def test_the_same_suggestion_sent_twice_is_refused_while_it_waits(people, make_user):
    data = {"title": "Atelier couture", "summary": "Coudre ensemble."}
    offer_suggest(actor=people.resident, data=data)

    with pytest.raises(InvalidState) as error:
        offer_suggest(actor=people.resident, data={**data, "title": "  ATELIER COUTURE "})
    assert error.value.code == "ALREADY_SUGGESTED"
    assert Offer.objects.count() == 1
    # Someone else may suggest it too; and another offer is another suggestion.
    neighbour = make_user(display_name="Voisin")
    offer_suggest(actor=neighbour, data=data)
    offer_suggest(actor=people.resident, data={**data, "title": "Atelier tricot"})
    assert Offer.objects.count() == 3
