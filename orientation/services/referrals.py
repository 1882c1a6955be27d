"""Referring a person, the person's private link, deleting a referral."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Membership, Organisation, User
from core.errors import InvalidInput, NotFound
from core.permissions import require
from notifications.models import Notification
from offres.models import Offer
from orientation import consent, notices
from orientation.models import MAX_OFFERS, FollowUp, Referral, ReferralOffer
from orientation.selectors import listed_offers
from orientation.services.common import add_months, clean_contact, clean_first_name, lock_referral

# Said by the service and, with the form's other errors, by the form: nothing without consent.
NO_CONSENT = gettext_lazy("The person must agree, after you read them the text, before anything is recorded.")


def connector_organisation(user: User) -> Organisation | None:
    """The structure a connector refers for: their first membership."""
    membership = Membership.objects.filter(user=user).select_related("organisation").order_by("pk").first()
    return membership.organisation if membership else None


def referral_create(
    *,
    actor: User,
    offer_ids: list[int],
    first_name: str,
    contact: str = "",
    consent_given: bool,
) -> tuple[Referral, str]:
    """Refer a person to one to ``MAX_OFFERS`` listed offers. Returns the referral and its private
    link's token, which is shown once and never stored (only its hash is).

    Requires the person's consent (the connector ticks the box after reading the text aloud);
    without it nothing is recorded. The offers' teams are told at once, without the person's
    data in the e-mail; the follow-ups are scheduled."""
    require(actor, "orientation.refer")
    if consent_given is not True:
        raise InvalidInput(NO_CONSENT, code="NO_CONSENT")
    first_name = clean_first_name(first_name)
    contact = clean_contact(contact)
    try:
        ids = list(dict.fromkeys(int(pk) for pk in offer_ids))
    except (TypeError, ValueError):
        raise InvalidInput(_("Choose the activities from the list."), code="BAD_OFFER") from None
    if not ids:
        raise InvalidInput(_("Choose at least one activity."), code="NO_OFFER")
    if len(ids) > MAX_OFFERS:
        raise InvalidInput(_("Choose at most %(n)d activities at a time.") % {"n": MAX_OFFERS}, code="TOO_MANY_OFFERS")
    offers = list(listed_offers().filter(pk__in=ids).select_related("organisation"))
    if len(offers) != len(ids):
        raise InvalidInput(_("One of these activities is not in the directory."), code="OFFER_NOT_LISTED")
    organisation = connector_organisation(actor)
    now = timezone.now()
    with translation.override(settings.LANGUAGE_CODE):
        text = consent.consent_text(organisation_name=organisation.name if organisation else "")
    secret, secret_hash = consent.new_secret()
    with transaction.atomic():
        # The offers are locked so that one withdrawn meanwhile is not referred to.
        still_listed = set(
            Offer.objects.select_for_update()
            .filter(pk__in=ids, status__in=(Offer.Status.PUBLISHED, Offer.Status.TO_VERIFY))
            .values_list("pk", flat=True)
        )
        if len(still_listed) != len(ids):
            raise InvalidInput(_("One of these activities is not in the directory."), code="OFFER_NOT_LISTED")
        referral = Referral.objects.create(
            connector=actor,
            organisation=organisation,
            first_name=first_name,
            contact=contact,
            consent_text=text,
            consented_at=now,
            token_hash=secret_hash,
        )
        lines = ReferralOffer.objects.bulk_create(ReferralOffer(referral=referral, offer=offer) for offer in offers)
        today = timezone.localdate()
        FollowUp.objects.bulk_create(
            FollowUp(line=line, months=months, due_on=add_months(today, months))
            for line in lines
            for months in settings.ORIENTATION_FOLLOW_UP_MONTHS
        )
        for line, offer in zip(lines, offers, strict=True):
            line.referral, line.offer = referral, offer
            notices.referral_received(line, actor=actor)
    return referral, consent.make_token(referral.pk, secret)


def referral_link_reissue(*, actor: User, referral: Referral) -> str:
    """A new private link for a person who lost theirs; the old one stops working."""
    require(actor, "orientation.reissue_link", referral)
    secret, secret_hash = consent.new_secret()
    with transaction.atomic():
        referral = lock_referral(referral)
        referral.token_hash = secret_hash
        referral.save(update_fields=["token_hash"])
    return consent.make_token(referral.pk, secret)


def referral_by_token(*, token: str) -> Referral:
    """The referral a private link opens; NotFound for a forged, replaced, deleted or expired link
    (the same answer for each: a link gives nothing away)."""
    read = consent.read_token(token)
    if read is None:
        raise NotFound(_("This link does not open any referral: it was deleted, replaced or has expired."))
    referral = Referral.objects.filter(pk=read[0], erased_at__isnull=True).first()
    if referral is None or not consent.secret_matches(read[1], referral.token_hash):
        raise NotFound(_("This link does not open any referral: it was deleted, replaced or has expired."))
    return referral


def _delete(referral: Referral) -> None:
    lines = list(referral.lines.values_list("pk", flat=True))
    follow_ups = list(FollowUp.objects.filter(line__in=lines).values_list("pk", flat=True))
    # Notifications that pointed to it go too: nothing of the referral stays anywhere.
    for model, ids in ((ReferralOffer, lines), (FollowUp, follow_ups)):
        Notification.objects.filter(target_type=ContentType.objects.get_for_model(model), target_id__in=ids).delete()
    referral.delete()


def referral_delete_by_person(*, token: str) -> None:
    """The person deletes their referral with their private link: everything goes, at once."""
    with transaction.atomic():
        referral = referral_by_token(token=token)
        referral = lock_referral(referral)
        _delete(referral)


def referral_delete(*, actor: User, referral: Referral, confirmed: bool) -> None:
    """The connector deletes a referral (the person asked them, or it was a mistake). Nothing
    can bring it back: ``confirmed`` must be True (the connector ticked the box)."""
    require(actor, "orientation.delete_referral", referral)
    if confirmed is not True:
        raise InvalidInput(
            _("Tick the box to confirm the deletion: nothing of the referral can be brought back."),
            code="NOT_CONFIRMED",
        )
    with transaction.atomic():
        _delete(lock_referral(referral))
