"""Signing one exact version of a pact.

A city agent freezes a version (``freeze`` transition); each party's signatory then signs it
after re-authenticating; the signature stores the version's fingerprint. When the last party
signs, the pact becomes ``active`` in the same transaction. Any later change of the text goes
back to ``co_design`` and voids the signatures (``workflow._on_leave_signing``).
"""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from cite.errors import InvalidInput, InvalidState, PermissionDenied
from pactes.canonical import fingerprint, version_document
from pactes.journal import journal_record_signature
from pactes.models import Pact, PactEvent, PactVersion, Party, Signature
from pactes.predicates import CITY_SIGNATORY, PARTY_SIGNATORY, allowed, party_standing
from pactes.workflow import _transition, lock_pact


def check_ready_for_signature(*, pact: Pact) -> PactVersion:
    """The latest version, if the pact can be signed as it stands; raises otherwise."""
    version = pact.versions.order_by("-number").first()
    if version is None:
        raise InvalidState(_("The pact has no text yet."), code="NO_VERSION")
    roles = {p["role"] for p in version.parties}
    if Party.Role.CITY not in roles or Party.Role.PROPONENT not in roles:
        raise InvalidState(
            _("The text must name the proponents and the city department before it is signed."), code="PARTIES_MISSING"
        )
    if not version.start_date or not version.end_date:
        raise InvalidState(_("Set the start and end dates of the pact before it is signed."), code="DATES_MISSING")
    check_text_unaltered(version=version)
    return version


def check_text_unaltered(*, version: PactVersion) -> str:
    """The fingerprint recomputed from the stored text; raises when it is not the version's."""
    digest = fingerprint(version_document(version))
    if digest != version.content_hash:
        # The stored text no longer matches its fingerprint: never freeze or sign it.
        raise InvalidState(_("The text of this version has been altered; it cannot be signed."), code="TAMPERED")
    return digest


def record_signature(*, version: PactVersion, party: Party, signer: User, second_factor: bool = False) -> Signature:
    """Store a signature of ``version`` (whose text is checked again first) and journal it."""
    signature = Signature.objects.create(
        version=version,
        party=party,
        signer=signer,
        content_hash=check_text_unaltered(version=version),
        second_factor=second_factor,
    )
    journal_record_signature(signature=signature)
    return signature


def parties_user_may_sign_for(*, user, pact: Pact, version: PactVersion) -> list[Party]:
    """The parties named in ``version`` that ``user`` may sign for: the person party
    themself, an organisation's representative, and for the city an agent of the department
    party to the pact or an elected official with a delegation of signature."""
    standing = party_standing(user, pact)
    named = {(p["kind"], p["id"]) for p in version.parties}
    return [
        party
        for party in pact.parties.all()
        if (party.kind, party.organisation_id or party.person_id) in named
        and standing.get(party.pk, set()) & {PARTY_SIGNATORY, CITY_SIGNATORY}
    ]


def pact_sign(*, pact: Pact, signer: User, version_number: int, party: Party | None = None) -> Signature:
    """Sign the frozen version ``version_number`` for ``party`` (or the one party ``signer``
    may sign for). The caller has re-authenticated the signer (``SignForm``).

    The pact row is locked, so signatures landing at the same moment are counted one after
    the other and the last one activates the pact: no signature and no activation is lost.
    """
    with transaction.atomic():
        pact = lock_pact(pact.pk)
        if pact.status != Pact.Status.SIGNING or not pact.frozen_version_id:
            raise InvalidState(_("This pact is not open for signature."))
        version = pact.frozen_version
        if version.number != version_number:
            raise InvalidState(
                _("Version %(number)s is not the version frozen for signature.") % {"number": version_number},
                code="VERSION_NOT_FROZEN",
            )
        if not allowed(signer, "pactes.sign_pact", pact):
            raise PermissionDenied()
        mine = parties_user_may_sign_for(user=signer, pact=pact, version=version)
        signed = set(
            Signature.objects.filter(version=version, voided_at__isnull=True).values_list("party_id", flat=True)
        )
        unsigned = [p for p in mine if p.pk not in signed]
        if party is None:
            if not mine:
                raise PermissionDenied(_("You cannot sign for any party of this pact."))
            if not unsigned:
                raise InvalidState(_("This party has already signed this version."), code="ALREADY_SIGNED")
            party = unsigned[0]
        elif party.pk not in {p.pk for p in mine}:
            raise PermissionDenied(_("You cannot sign for this party."))
        elif party.pk in signed:
            raise InvalidState(_("This party has already signed this version."), code="ALREADY_SIGNED")
        if party.role == Party.Role.CITY and pact.type == Pact.Type.COMPLEX and not pact.council_decision_reference:
            raise InvalidState(
                _("A complex pact needs the council decision reference before the city signs it."),
                code="COUNCIL_DECISION_MISSING",
            )
        from allauth.mfa.models import Authenticator

        signature = record_signature(
            version=version,
            party=party,
            signer=signer,
            second_factor=Authenticator.objects.filter(user=signer, type=Authenticator.Type.TOTP).exists(),
        )
        PactEvent.objects.create(
            pact=pact, kind=PactEvent.Kind.SIGNATURE, actor=signer, reason=party.name, version_number=version.number
        )
        if len(signed) + 1 >= len(version.parties):
            _transition(pact=pact, name="activate", actor=None)
    return signature


def signature_check_reauthentication(*, user: User, password: str, code: str = "") -> bool:
    """True when ``password`` (and the TOTP ``code`` if the account has a second factor) is right."""
    if not password or not user.check_password(password):
        raise InvalidInput(_("The password is not correct."), code="REAUTH_FAILED")
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if authenticator is None:
        return False
    if not code or not TOTP(authenticator).validate_code(code.strip()):
        raise InvalidInput(_("The code of your authentication app is not correct."), code="REAUTH_FAILED")
    return True
