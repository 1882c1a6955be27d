"""Requests to join a pact and their decision. A request's status changes only through
``_decide``, which checks ``TRANSITIONS``.

Every service checks a django-rules permission, locks the pact row it changes and records
what the public timeline shows.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Membership, Organisation, User
from core.errors import InvalidInput, InvalidState, PermissionDenied
from core.permissions import require
from pactes import notices
from pactes.guards import clean_text
from pactes.models import (
    JoinRequest,
    Pact,
    PactEvent,
    Party,
    Signature,
)
from pactes.services.parties import _add_party
from pactes.services.signing import record_signature
from pactes.services.state import lock_pact

# name -> (statuses it leaves, status it reaches)
TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "accept": ((JoinRequest.Status.PENDING,), JoinRequest.Status.ACCEPTED),
    "decline": ((JoinRequest.Status.PENDING,), JoinRequest.Status.DECLINED),
}


def _decide(join_request: JoinRequest, name: str, *, actor: User, reason: str) -> None:
    """Move a *locked* join request along ``TRANSITIONS[name]`` and record who decided."""
    sources, target = TRANSITIONS[name]
    if join_request.status not in sources:
        raise InvalidState(_("This request has already been answered."), code="ALREADY_DECIDED")
    join_request.decision_reason = reason
    join_request.status = target
    join_request.decided_by = actor
    join_request.decided_at = timezone.now()
    join_request.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])


def join_request_create(
    *,
    actor: User,
    pact: Pact,
    message: str = "",
    organisation: Organisation | None = None,
    signed_version_number: int | None = None,
) -> JoinRequest:
    """Ask to join a pact in consultation or active. Joining an active pact is signing its
    signed version as it stands: the caller has re-authenticated ``actor`` and passes the number
    of the version they read; the signature is recorded if the request is accepted."""
    require(actor, "pactes.request_join_pact", pact)
    if (
        organisation is not None
        and not Membership.objects.filter(
            user=actor, organisation=organisation, role=Membership.Role.REPRESENTATIVE
        ).exists()
    ):
        raise PermissionDenied(_("You can only ask on behalf of an organisation you represent."))
    if organisation is not None and pact.parties.filter(organisation=organisation).exists():
        raise InvalidState(_("This organisation is already a party to the pact."), code="ALREADY_PARTY")
    signed_version = None
    if pact.status == Pact.Status.ACTIVE:
        signed_version = pact.frozen_version
        if signed_version is None or signed_version_number != signed_version.number:
            raise InvalidState(
                _("Joining an active pact is signing its signed version: read it and confirm."),
                code="VERSION_NOT_SIGNED",
            )
    try:
        with transaction.atomic():
            join_request = JoinRequest.objects.create(
                pact=pact,
                user=actor,
                organisation=organisation,
                message=clean_text(message)[:2000],
                signed_version=signed_version,
            )
            notices.join_requested(join_request)
            return join_request
    except IntegrityError as exc:
        raise InvalidState(_("You have already asked to join this pact."), code="ALREADY_REQUESTED") from exc


def join_request_decide(*, actor: User, join_request: JoinRequest, accept: bool, reason: str = "") -> JoinRequest:
    """Accept or decline (with a reason the requester reads) a request to join. Accepting on an
    active pact records the requester's signature of the version they signed when asking."""
    reason = clean_text(reason)[:2000]
    if not accept and not reason:
        raise InvalidInput(
            _("Give the reason of the refusal: the person who asked will read it."), code="REASON_REQUIRED"
        )
    with transaction.atomic():
        pact = lock_pact(join_request.pact_id)
        require(actor, "pactes.decide_join_pact", pact)
        join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
        if join_request.status not in TRANSITIONS["accept" if accept else "decline"][0]:
            raise InvalidState(_("This request has already been answered."), code="ALREADY_DECIDED")
        if accept:
            if pact.status not in {Pact.Status.CONSULTATION, Pact.Status.CO_DESIGN, Pact.Status.ACTIVE}:
                raise InvalidState()
            kwargs = (
                {"organisation": join_request.organisation}
                if join_request.organisation_id
                else {"person": join_request.user}
            )
            if pact.status == Pact.Status.ACTIVE and (
                join_request.signed_version_id is None or join_request.signed_version_id != pact.frozen_version_id
            ):
                raise InvalidState(
                    _("This request does not sign the pact's signed version; ask the person to request again."),
                    code="VERSION_NOT_SIGNED",
                )
            party = pact.parties.filter(**kwargs).first()
            if party is None:
                party = _add_party(pact=pact, actor=actor, role=Party.Role.CO_SIGNATORY, **kwargs)
            if pact.status == Pact.Status.ACTIVE:
                _record_joining_signature(pact=pact, party=party, join_request=join_request)
        _decide(join_request, "accept" if accept else "decline", actor=actor, reason=reason)
        notices.join_decided(join_request)
    return join_request


def _record_joining_signature(*, pact: Pact, party: Party, join_request: JoinRequest) -> None:
    version = join_request.signed_version
    if version is None:  # the caller checked it is the pact's signed version
        raise InvalidState(code="VERSION_NOT_SIGNED")
    if Signature.objects.filter(version=version, party=party, voided_at__isnull=True).exists():
        return
    record_signature(version=version, party=party, signer=join_request.user)
    PactEvent.objects.create(
        pact=pact,
        kind=PactEvent.Kind.SIGNATURE,
        actor=join_request.user,
        reason=party.name,
        version_number=version.number,
    )
