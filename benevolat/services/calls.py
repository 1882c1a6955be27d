"""Publishing a call for volunteers on an offer or an active pact, changing it, closing it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from benevolat import notices
from benevolat.models import Answer, Call
from benevolat.predicates import is_call_host_live
from benevolat.selectors import forget_host_calls
from benevolat.services.state import accepted_count, call_transition, lock_call, settle_places
from core.errors import InvalidInput, InvalidState
from core.permissions import require
from offres.models import Offer
from pactes.guards import clean_text
from pactes.models import Pact

MAX_PLACES = 200
MAX_TEXT = 2000
# A call says when it happens: not years ahead, and not over already.
MAX_DAYS_AHEAD = 730


@dataclass(frozen=True)
class CallText:
    """What a call says, as its managers wrote it (checked by :func:`checked`)."""

    title: str
    schedule: str
    starts_on: dt.date
    duration: str
    places: int
    welcome: str
    commitment: str = Call.Commitment.ONE_OFF
    ends_on: dt.date | None = None
    description: str = ""
    training: str = ""


def _text(value, *, label: str, limit: int, required: bool = True) -> str:
    if value is not None and not isinstance(value, str):
        raise InvalidInput(_("%(field)s: this is not a text.") % {"field": label}, code="INVALID_INPUT")
    value = clean_text(value or "")
    if required and not value:
        raise InvalidInput(_("%(field)s: this field is required.") % {"field": label}, code="REQUIRED")
    if len(value) > limit:
        raise InvalidInput(_("%(field)s: %(n)d characters at most.") % {"field": label, "n": limit}, code="TOO_LONG")
    return value


def checked(text: CallText, *, today: dt.date | None = None) -> dict:
    """The fields of a call, cleaned, or a clear error naming the field."""
    today = today or timezone.localdate()
    if not isinstance(text.starts_on, dt.date) or (text.ends_on is not None and not isinstance(text.ends_on, dt.date)):
        raise InvalidInput(_("Give the dates as dates."), code="INVALID_DATE")
    if text.ends_on is not None and text.ends_on < text.starts_on:
        raise InvalidInput(_("The call cannot end before it starts."), code="INVALID_DATES")
    last_day = text.ends_on or text.starts_on
    if text.ends_on is not None and last_day < today:
        raise InvalidInput(_("This call would already be over: check its dates."), code="INVALID_DATES")
    if text.ends_on is None and text.commitment == Call.Commitment.ONE_OFF and text.starts_on < today:
        raise InvalidInput(_("This call would already be over: check its dates."), code="INVALID_DATES")
    if text.starts_on > today + dt.timedelta(days=MAX_DAYS_AHEAD):
        raise InvalidInput(_("A call is published at most two years ahead."), code="INVALID_DATES")
    if text.commitment not in Call.Commitment.values:
        raise InvalidInput(_("Unknown kind of commitment."), code="INVALID_INPUT")
    if isinstance(text.places, bool) or not isinstance(text.places, int) or not 1 <= text.places <= MAX_PLACES:
        raise InvalidInput(
            _("Volunteers wanted: a whole number from 1 to %(n)d.") % {"n": MAX_PLACES}, code="INVALID_COUNT"
        )
    return {
        "title": _text(text.title, label=_("What"), limit=160),
        "description": _text(text.description, label=_("Details"), limit=MAX_TEXT, required=False),
        "schedule": _text(text.schedule, label=_("When"), limit=200).replace("\n", " "),
        "starts_on": text.starts_on,
        # A one-off call with no end date ends the day it happens.
        "ends_on": text.ends_on
        if text.ends_on is not None or text.commitment == Call.Commitment.REGULAR
        else text.starts_on,
        "commitment": text.commitment,
        "duration": _text(text.duration, label=_("How long"), limit=200).replace("\n", " "),
        "places": text.places,
        "welcome": _text(text.welcome, label=_("Welcome given"), limit=MAX_TEXT),
        "training": _text(text.training, label=_("Training given"), limit=MAX_TEXT, required=False),
    }


def call_publish(*, actor: User, text: CallText, offer: Offer | None = None, pact: Pact | None = None) -> Call:
    """Publish a call on ``offer`` (its managers) or on the active ``pact`` (a representative of
    one of its parties); exactly one of them."""
    if (offer is None) == (pact is None):
        raise InvalidInput(_("A call is published on one offer or on one pact."), code="INVALID_HOST")
    fields = checked(text)
    with transaction.atomic():
        if offer is not None:
            offer = Offer.objects.select_for_update().get(pk=offer.pk)
            require(actor, "benevolat.publish_call_on_offer", offer)
        elif pact is not None:
            # The pact's row: its status cannot change while the call is written.
            pact = Pact.objects.select_for_update().get(pk=pact.pk)
            require(actor, "benevolat.publish_call_on_pact", pact)
        call = Call.objects.create(offer=offer, pact=pact, created_by=actor, **fields)
        forget_host_calls(call)
    return call


def call_update(*, actor: User, call: Call, text: CallText) -> Call:
    """Change what a call says. Fewer places than the volunteers already accepted is refused."""
    fields = checked(text)
    with transaction.atomic():
        call = lock_call(call.pk)
        require(actor, "benevolat.manage_call", call)
        if fields["places"] < accepted_count(call):
            raise InvalidInput(
                _("%(n)d volunteers are already accepted: keep at least as many places.") % {"n": accepted_count(call)},
                code="TOO_FEW_PLACES",
            )
        for name, value in fields.items():
            setattr(call, name, value)
        call.save()
        forget_host_calls(call)
        if call.status != Call.Status.CLOSED:
            settle_places(call)
    return call


def call_close(*, actor: User, call: Call) -> Call:
    """Close a call to new answers; the volunteers still waiting are told."""
    with transaction.atomic():
        call = lock_call(call.pk)
        require(actor, "benevolat.manage_call", call)
        if call.status == Call.Status.CLOSED:
            raise InvalidState(_("This call for volunteers is already closed."), code="CALL_CLOSED")
        call_transition(call, "close")
        waiting = list(call.answers.filter(status=Answer.Status.PENDING).select_related("volunteer"))
        notices.call_closed(call, [answer.volunteer for answer in waiting], actor=actor)
    return call


def close_calls_of_withdrawn_offer(*, offer: Offer, actor: User | None) -> list[Call]:
    """The offer is withdrawn (called in its transaction, ``offres.linked.OFFER_WITHDRAWN``): its
    open and filled calls close, and every volunteer waiting or accepted is told. The platform
    acts here, for the withdrawal already allowed: no permission of the actor's is asked."""
    closed = []
    for call_id in Call.objects.filter(offer=offer).exclude(status=Call.Status.CLOSED).values_list("pk", flat=True):
        call = lock_call(call_id)
        call_transition(call, "close")
        concerned = call.answers.filter(status__in=(Answer.Status.PENDING, Answer.Status.ACCEPTED))
        notices.host_withdrawn(
            call, [answer.volunteer for answer in concerned.select_related("volunteer")], actor=actor
        )
        closed.append(call)
    return closed


def call_reopen(*, actor: User, call: Call) -> Call:
    with transaction.atomic():
        call = lock_call(call.pk)
        require(actor, "benevolat.manage_call", call)
        if call.status != Call.Status.CLOSED:
            raise InvalidState(_("This call for volunteers is not closed."), code="CALL_NOT_CLOSED")
        if call.ends_on is not None and call.ends_on < timezone.localdate():
            raise InvalidState(_("This call is over: publish a new one."), code="CALL_OVER")
        if not is_call_host_live(actor, call):
            raise InvalidState(
                _("The activity or the pact of this call no longer runs: the call stays closed."), code="HOST_NOT_LIVE"
            )
        call_transition(call, "reopen")
        settle_places(call)
    return call
