"""Proposing a pact: a draft with its proponent party and a first version from the templates."""

from datetime import timedelta
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Membership, Organisation, User
from core.errors import InvalidInput, NotFound, PermissionDenied
from core.languages import text_in
from core.permissions import require
from pactes.clauses import initial_clauses
from pactes.geocoding import Place, geocode, neighbourhood_of
from pactes.guards import check_rate, clean_text
from pactes.models import Commons, Pact, Party
from pactes.services.details import store_attachment
from pactes.services.versions import write_version
from pactes.uploads import check_upload


def locate_commons(new_commons: dict) -> Place | None:
    """Where a new commons is: the point picked on the map (or typed), else the first place the
    geocoder finds for its address, then for its neighbourhood; None when nothing is known."""
    latitude, longitude = new_commons.get("latitude"), new_commons.get("longitude")
    if latitude is not None or longitude is not None:
        try:
            lat, lon = Decimal(str(latitude)), Decimal(str(longitude))
        except (InvalidOperation, ValueError) as exc:
            raise InvalidInput(_("The coordinates of the commons are not valid."), code="COORDINATES_INVALID") from exc
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise InvalidInput(_("The coordinates of the commons are not valid."), code="COORDINATES_INVALID")
        lat, lon = lat.quantize(Decimal("0.000001")), lon.quantize(Decimal("0.000001"))
        return Place(label="", latitude=lat, longitude=lon, neighbourhood=neighbourhood_of(float(lat), float(lon)))
    for text in (new_commons.get("address", ""), new_commons.get("neighbourhood", "")):
        if text.strip():
            places = geocode(text.strip())
            if places:
                return places[0]
    return None


def pact_propose(
    *,
    actor: User,
    title: str,
    proponent_kind: str,
    idea: str,
    commons: Commons | None = None,
    new_commons: dict | None = None,
    organisation: Organisation | None = None,
    group_name: str = "",
    group_members: str = "",
    activities: str = "",
    beneficiaries: str = "",
    duration_months: int = 12,
    periodicity: str = Pact.Periodicity.CONTINUOUS,
    own_resources: str = "",
    support_requested: list[str] | tuple = (),
    publication_consent: bool = False,
    pact_type: str = Pact.Type.ORDINARY,
    engagement=None,
    uploads: list | tuple = (),
) -> Pact:
    """Create a ``draft`` pact whose first version is pre-filled from the clause templates.

    The proponent is ``actor`` (a person), an informal group created for the occasion with
    ``actor`` as its representative, or an organisation ``actor`` represents.
    """
    require(actor, "pactes.propose_pact")
    title, idea = title.strip(), idea.strip()
    if not title or not idea:
        raise InvalidInput(_("Give the pact a title and describe the idea."), code="PROPOSAL_INCOMPLETE")
    if not publication_consent:
        raise InvalidInput(
            _("The proposal is published once submitted: your consent is needed."), code="CONSENT_REQUIRED"
        )
    if proponent_kind not in Pact.ProponentKind.values or pact_type not in Pact.Type.values:
        raise InvalidInput()
    if periodicity not in Pact.Periodicity.values or not 1 <= int(duration_months) <= 120:
        raise InvalidInput()
    support = sorted(set(support_requested))
    if any(code not in Pact.Support.values for code in support):
        raise InvalidInput()
    if (commons is None) == (new_commons is None):
        raise InvalidInput(_("Choose a commons or describe a new one."), code="COMMONS_REQUIRED")
    if commons is not None and not commons.is_validated and commons.suggested_by_id != actor.pk:
        raise NotFound()
    if proponent_kind == Pact.ProponentKind.ORGANISATION and (
        organisation is None
        or not Membership.objects.filter(
            user=actor, organisation=organisation, role=Membership.Role.REPRESENTATIVE
        ).exists()
    ):
        raise PermissionDenied(_("You can only propose a pact for an organisation you represent."))
    if proponent_kind == Pact.ProponentKind.INFORMAL_GROUP and not group_name.strip():
        raise InvalidInput(_("Give the name of your group."), code="GROUP_NAME_REQUIRED")
    check_rate(
        Pact.objects.filter(created_by=actor),
        limit=settings.PACT_PROPOSALS_PER_DAY,
        window=timedelta(days=1),
        message=_("You have proposed many pacts today. Try again tomorrow."),
    )
    checked = [check_upload(upload) for upload, _title in uploads]
    photo = check_upload(new_commons["photo"]) if new_commons and new_commons.get("photo") else None
    place = locate_commons(new_commons) if new_commons is not None else None

    with transaction.atomic():
        if new_commons is not None:
            commons = Commons(
                name=new_commons["name"].strip(),
                kind=new_commons.get("kind") or Commons.Kind.OTHER,
                address=new_commons.get("address", "").strip(),
                neighbourhood=new_commons.get("neighbourhood", "").strip(),
                description=new_commons.get("description", "").strip(),
                photo_alt=new_commons.get("photo_alt", "").strip() if photo else "",
                latitude=place.latitude if place else None,
                longitude=place.longitude if place else None,
                suggested_by=actor,
            )
            if place and not commons.neighbourhood:
                commons.neighbourhood = place.neighbourhood
            if photo:
                if not commons.photo_alt:
                    raise InvalidInput(_("Describe the photo for people who cannot see it."), code="ALT_REQUIRED")
                commons.photo.save(photo.stored_name, photo.file, save=False)
            commons.save()
        if proponent_kind == Pact.ProponentKind.INFORMAL_GROUP:
            organisation = _informal_group(actor=actor, name=group_name, members=group_members)
        if commons is None:  # refused above: one of the two is given
            raise InvalidInput(code="COMMONS_REQUIRED")
        pact = Pact.objects.create(
            title=title,
            type=pact_type,
            commons=commons,
            engagement=engagement,
            proponent_kind=proponent_kind,
            idea=idea,
            activities=activities.strip(),
            beneficiaries=beneficiaries.strip(),
            duration_months=duration_months,
            periodicity=periodicity,
            own_resources=own_resources.strip(),
            support_requested=support,
            publication_consent=True,
            created_by=actor,
        )
        if proponent_kind == Pact.ProponentKind.PERSON:
            Party.objects.create(pact=pact, role=Party.Role.PROPONENT, person=actor)
        else:
            Party.objects.create(pact=pact, role=Party.Role.PROPONENT, organisation=organisation)
        proposal = {
            "idea": idea,
            "activities": activities,
            "beneficiaries": beneficiaries,
            "duration_months": duration_months,
            "periodicity": periodicity,
            "own_resources": own_resources,
            "support_requested": support,
        }
        write_version(
            pact=pact,
            actor=actor,
            clauses=initial_clauses(proposal=proposal),
            note=text_in(pact.language, gettext_lazy("Proposal")),
            title=title,
        )
        for upload, (_upload, upload_title) in zip(checked, uploads, strict=True):
            store_attachment(pact=pact, actor=actor, checked=upload, title=upload_title)
    return pact


def _informal_group(*, actor: User, name: str, members: str) -> Organisation:
    base = slugify(name)[:180] or "groupe"
    slug, n = base, 1
    while Organisation.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    group = Organisation.objects.create(
        name=name.strip()[:200],
        slug=slug,
        kind=Organisation.Kind.INFORMAL_GROUP,
        description=clean_text(members)[:2000],
    )
    Membership.objects.create(user=actor, organisation=group, role=Membership.Role.REPRESENTATIVE)
    return group
