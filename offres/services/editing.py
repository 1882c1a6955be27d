"""Publishing, suggesting and updating an offer. Text is cleaned (``pactes.guards.clean_text``:
plain text, shown escaped with links made safe by ``core.html``); every value is checked by the
model's own validation, so a forged form gets a clear error and changes nothing."""

import contextlib
import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation

import rules
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Organisation
from core.errors import InvalidInput, InvalidState, PermissionDenied
from core.permissions import require
from offres import notices
from offres.models import Offer, OfferEvent
from offres.predicates import is_offer_manager
from offres.search import fold, offer_search_text
from offres.services.state import _transition, lock_offer
from pactes.geocoding import neighbourhood_centroids, neighbourhood_of
from pactes.guards import check_rate, clean_text

EDITABLE_FIELDS = [
    "title",
    "kind",
    "summary",
    "description",
    "organisation",
    "schedule",
    "starts_at",
    "ends_at",
    "recurrence",
    "recurrence_until",
    "place_name",
    "address",
    "neighbourhood",
    "latitude",
    "longitude",
    "cost",
    "price",
    "step_free",
    "hearing_loop",
    "transport",
    "screen_free",
    "companion_first_visit",
    "audience",
    "contact_name",
    "contact_email",
    "contact_phone",
]
TEXT_FIELDS = {"title", "summary", "description", "schedule", "place_name", "address", "price", "transport"}
TEXT_FIELDS |= {"contact_name", "contact_phone", "contact_email", "neighbourhood"}
MAX_DESCRIPTION = 5000
SUGGESTIONS_PER_DAY = 5
# A phone number as people write it: digits, spaces, dots, dashes, brackets, a leading +.
PHONE = re.compile(r"\+?[0-9 .()\-]+")
PHONE_MIN_DIGITS = 3  # short numbers (« 3939 ») are numbers too
CHECKED_FIELDS = ["starts_at", "ends_at", "latitude", "longitude", "cost", "price", "contact_phone"]
ERROR_CODES = {
    "ends_at": "INVALID_DATES",
    "latitude": "INVALID_COORDINATES",
    "longitude": "INVALID_COORDINATES",
    "price": "PRICE_REQUIRED",
    "contact_phone": "INVALID_PHONE",
}


def _number(value) -> Decimal | None:
    """``value`` as a number, None when it is empty or not a number (the model's validation
    then says so)."""
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def offer_input_errors(values: Mapping) -> dict[str, str]:
    """What does not hold together in an offer's ``values`` (a form's cleaned data or an
    offer's fields), as ``{field: message}``; only the fields present are checked. The forms
    show these messages on their field; ``_apply`` refuses the same, so that no database
    constraint ever speaks to a person."""
    errors = {}
    starts_at, ends_at = values.get("starts_at"), values.get("ends_at")
    if isinstance(starts_at, datetime) and isinstance(ends_at, datetime) and ends_at < starts_at:
        errors["ends_at"] = _("The end must come after the start.")
    if "latitude" in values and "longitude" in values:
        latitude, longitude = values.get("latitude"), values.get("longitude")
        given = {"latitude": latitude not in (None, ""), "longitude": longitude not in (None, "")}
        if given["latitude"] and not given["longitude"]:
            errors["longitude"] = _("Give the longitude too (or neither): the map needs both.")
        elif given["longitude"] and not given["latitude"]:
            errors["latitude"] = _("Give the latitude too (or neither): the map needs both.")
        latitude, longitude = _number(latitude), _number(longitude)
        if latitude is not None and not -90 <= latitude <= 90:
            errors["latitude"] = _("The latitude must be between -90 and 90.")
        if longitude is not None and not -180 <= longitude <= 180:
            errors["longitude"] = _("The longitude must be between -180 and 180.")
    paying = values.get("cost") in (Offer.Cost.PRICE, Offer.Cost.SOLIDARITY)
    if paying and "price" in values and not str(values.get("price") or "").strip():
        errors["price"] = _("Say how much it costs.")
    phone = str(values.get("contact_phone") or "").strip()
    if phone and (not PHONE.fullmatch(phone) or sum(c.isdigit() for c in phone) < PHONE_MIN_DIGITS):
        errors["contact_phone"] = _("Write a phone number with digits, like 01 23 45 67 89.")
    return errors


def _label(name: str) -> str:
    """A field's name as the forms show it."""
    return str(getattr(Offer._meta.get_field(name), "verbose_name", name))


def _apply(offer: Offer, data: dict) -> list[str]:
    """Set the fields of ``data`` on ``offer`` after checking them; returns the fields changed."""
    unknown = set(data) - set(EDITABLE_FIELDS) - {"engagements"}
    if unknown:
        raise InvalidInput(_("Unknown field: %(name)s.") % {"name": ", ".join(sorted(unknown))}, code="UNKNOWN_FIELD")
    changed = []
    for name, value in data.items():
        if name == "engagements":
            continue
        if name in TEXT_FIELDS:
            value = clean_text(value if isinstance(value, str) else "")
            if name != "description":
                value = " ".join(value.split())
        if name == "organisation" and value is not None and not isinstance(value, Organisation):
            raise InvalidInput(_("Choose an organisation from the list."), code="INVALID_ORGANISATION")
        if getattr(offer, name) != value:
            setattr(offer, name, value)
            changed.append(name)
    if len(offer.description) > MAX_DESCRIPTION:
        raise InvalidInput(
            _("The description is too long (%(n)d characters at most).") % {"n": MAX_DESCRIPTION}, code="TOO_LONG"
        )
    known = neighbourhood_centroids()
    if not offer.neighbourhood and offer.latitude is not None and offer.longitude is not None:
        # Not a number: the model's validation says so below.
        with contextlib.suppress(TypeError, ValueError):
            offer.neighbourhood = neighbourhood_of(float(offer.latitude), float(offer.longitude))
    if offer.neighbourhood and known and offer.neighbourhood not in known:
        raise InvalidInput(_("Choose a neighbourhood from the list."), code="INVALID_NEIGHBOURHOOD")
    if offer.recurrence_until and offer.starts_at and offer.recurrence_until < timezone.localdate(offer.starts_at):
        raise InvalidInput(
            _("The last date comes before the first one."), code="INVALID_DATES", field="recurrence_until"
        )
    if offer.starts_at and offer.ends_at is None:
        raise InvalidInput(_("Give the end time as well as the start time."), code="INVALID_DATES", field="ends_at")
    errors = offer_input_errors({name: getattr(offer, name) for name in CHECKED_FIELDS})
    if errors:
        name, message = next(iter(errors.items()))
        raise InvalidInput(message, code=ERROR_CODES.get(name, "INVALID_OFFER"), field=name)
    # Kept with the words it folds, so that the directory's search finds what the offer says.
    offer.search_text = offer_search_text(offer)
    try:
        offer.full_clean(exclude=["created_by", "engagements"])
    except ValidationError as exc:
        messages = [f"{_label(f) if f != '__all__' else ''}: {' '.join(m)}".lstrip(": ")
                    for f, m in exc.message_dict.items()]  # fmt: skip
        raise InvalidInput("; ".join(messages), code="INVALID_OFFER") from exc
    return changed


def _set_engagements(offer: Offer, data: dict) -> bool:
    if "engagements" not in data:
        return False
    from programme.models import EngagementPage

    wanted = {getattr(item, "pk", item) for item in data["engagements"] or []}
    if not all(isinstance(pk, int) for pk in wanted):
        raise InvalidInput(_("Choose engagements from the list."), code="INVALID_ENGAGEMENT")
    found = set(EngagementPage.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    if found != wanted:
        raise InvalidInput(_("Choose engagements from the list."), code="INVALID_ENGAGEMENT")
    before = set(offer.engagements.values_list("pk", flat=True))
    if before == wanted:
        return False
    offer.engagements.set(sorted(wanted))
    return True


def offer_create(*, actor, data: dict) -> Offer:
    """Publish a new offer run by an organisation ``actor`` represents (any organisation for a
    city agent). It is listed at once, confirmed today."""
    require(actor, "offres.add_offer")
    offer = Offer(created_by=actor, status=Offer.Status.PUBLISHED)
    with transaction.atomic():
        _apply(offer, data)
        if offer.organisation is None:
            raise InvalidInput(_("Say which organisation runs the offer."), code="ORGANISATION_REQUIRED")
        if not is_offer_manager(actor, offer):
            raise PermissionDenied(_("You may only publish offers of an organisation you represent."))
        now = timezone.now()
        offer.last_confirmed_at = now
        offer.save()
        _set_engagements(offer, data)
        OfferEvent.objects.create(offer=offer, kind=OfferEvent.Kind.CREATED, actor=actor, to_status=offer.status)
    return offer


def offer_suggest(*, actor, data: dict) -> Offer:
    """A resident suggests an offer; it waits, unlisted, for a city agent or the organisation it
    names to publish or decline it."""
    require(actor, "offres.suggest_offer")
    check_rate(
        Offer.objects.filter(created_by=actor),
        limit=SUGGESTIONS_PER_DAY,
        window=timedelta(days=1),
        message=_("You have suggested many offers today: please wait until tomorrow."),
    )
    offer = Offer(created_by=actor, status=Offer.Status.SUGGESTED)
    with transaction.atomic():
        _apply(offer, data)
        waiting = Offer.objects.filter(created_by=actor, status=Offer.Status.SUGGESTED).values_list("title", flat=True)
        if any(fold(title) == fold(offer.title) for title in waiting):
            raise InvalidState(
                _("You have already suggested this offer: it is waiting to be reviewed."), code="ALREADY_SUGGESTED"
            )
        offer.save()
        _set_engagements(offer, data)
        OfferEvent.objects.create(offer=offer, kind=OfferEvent.Kind.SUGGESTED, actor=actor, to_status=offer.status)
        notices.suggested(offer=offer, actor=actor)
    return offer


def offer_update(*, actor, offer: Offer, data: dict) -> Offer:
    """Update an offer ``actor`` manages. Its managers checked it: a listed offer counts as
    confirmed (an offer to verify is published again)."""
    with transaction.atomic():
        locked = lock_offer(offer.pk)
        require(actor, "offres.change_offer", locked)
        if locked.status in (Offer.Status.WITHDRAWN, Offer.Status.REJECTED):
            raise InvalidInput(_("This offer is not listed any more: it cannot be changed."), code="NOT_EDITABLE")
        folded = locked.search_text
        changed = _apply(locked, data)
        if "organisation" in changed and not is_offer_manager(actor, locked):
            # Handing an offer to another organisation is the city's to do.
            raise PermissionDenied(_("You may only choose an organisation you represent."))
        if changed:
            locked.save()
        elif locked.search_text != folded:
            # Nothing new, but its organisation was renamed since: the search learns the name.
            locked.save(update_fields=["search_text"])
        if _set_engagements(locked, data):
            changed.append("engagements")
        if changed:
            # Written in the offer's language, as the history it belongs to is read with it.
            with translation.override(locked.language):
                labels = ", ".join(_label(name) for name in changed)
                reason = _("Changed: %(fields)s") % {"fields": labels}
            OfferEvent.objects.create(offer=locked, kind=OfferEvent.Kind.UPDATED, actor=actor, reason=reason)
        if locked.is_listed and rules.has_perm("offres.confirm_offer", actor, locked):
            # Saving confirms the offer: an offer to verify is published again (a status change
            # in the history); a published one stays so, which the « updated » line already says
            # (or, nothing changed, a « confirmed » line).
            _transition(offer=locked, name="confirm", actor=actor, record_unchanged=not changed)
    return locked
