"""The confirmation cycle: a reminder at the deadline, « à vérifier » after the grace period,
back to published when confirmed."""

import datetime as dt

import pytest
from django.utils import timezone

from notifications.models import Notification
from offres.models import Offer, OfferEvent
from offres.services import confirmation_cycle, offer_transition
from offres.tasks import confirmation_cycle as confirmation_task

pytestmark = pytest.mark.django_db


def test_managers_are_reminded_then_the_offer_is_marked_to_verify_then_confirmed(people, make_offer, settings):
    settings.OFFER_CONFIRM_EVERY_DAYS = 90
    settings.OFFER_CONFIRM_GRACE_DAYS = 14
    now = timezone.now()
    offer = make_offer(organisation=people.association, last_confirmed_at=now - dt.timedelta(days=91))
    fresh = make_offer(title="Récente", organisation=people.association, last_confirmed_at=now - dt.timedelta(days=5))

    assert confirmation_cycle(now=now) == {"asked": [offer.pk], "marked": []}
    reminder = Notification.objects.get(kind="offer_confirm_due")
    assert reminder.recipient == people.representative and reminder.target_id == offer.pk
    # And by e-mail, through the outbox.
    from notifications.models import OutgoingEmail

    assert OutgoingEmail.objects.filter(to=people.representative.email, kind="offer_confirm_due").exists()
    # Running it again asks nobody twice.
    assert confirmation_cycle(now=now + dt.timedelta(days=1)) == {"asked": [], "marked": []}
    assert Notification.objects.filter(kind="offer_confirm_due").count() == 1

    assert confirmation_cycle(now=now + dt.timedelta(days=15)) == {"asked": [], "marked": [offer.pk]}
    offer.refresh_from_db()
    assert offer.status == Offer.Status.TO_VERIFY and offer.is_listed
    assert Notification.objects.filter(kind="offer_to_verify", recipient=people.representative).exists()
    assert Offer.objects.get(pk=fresh.pk).status == Offer.Status.PUBLISHED

    offer_transition(offer=offer, name="confirm", actor=people.representative)
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED and offer.confirmation_asked_at is None
    assert offer.last_confirmed_at > now
    transitions = list(offer.events.filter(kind=OfferEvent.Kind.TRANSITION).values_list("transition", flat=True))
    assert transitions == ["mark_to_verify", "confirm"]


def test_an_offer_confirmed_after_the_reminder_is_not_marked(people, make_offer):
    now = timezone.now()
    offer = make_offer(organisation=people.association, last_confirmed_at=now - dt.timedelta(days=100))
    confirmation_cycle(now=now)
    offer_transition(offer=offer, name="confirm", actor=people.city_agent)
    assert confirmation_cycle(now=now + dt.timedelta(days=30))["marked"] == []
    assert Offer.objects.get(pk=offer.pk).status == Offer.Status.PUBLISHED


def test_an_offer_without_an_organisation_reminds_the_city_agents(people, make_offer):
    offer = make_offer(last_confirmed_at=timezone.now() - dt.timedelta(days=100))
    confirmation_task()
    assert Notification.objects.filter(kind="offer_confirm_due", recipient=people.city_agent, target_id=offer.pk)
