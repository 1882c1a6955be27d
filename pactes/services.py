"""Services of the pact workflow around the text: parties and join requests, comments,
attachments, the council reference, the debate room, and the scheduled closings.

Transitions are in workflow.py, proposals in proposals.py, versions in versions.py, signing in
signing.py.

Every service checks a django-rules permission, locks the pact row it changes and records
what the public timeline shows.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Membership, Organisation, User
from cite.errors import InvalidInput, InvalidState, NotFound, PermissionDenied
from pactes import notices
from pactes.guards import check_rate, clean_text, require
from pactes.models import (
    Attachment,
    Clause,
    Comment,
    JoinRequest,
    Pact,
    PactEvent,
    PactVersion,
    Party,
    Signature,
)
from pactes.predicates import forget_standing
from pactes.uploads import CheckedUpload, check_upload
from pactes.versions import current_clauses, write_version
from pactes.workflow import _transition, lock_pact

MAX_COMMENT_LENGTH = 3_000


# --- parties --------------------------------------------------------------------------------


def _add_party(*, pact: Pact, actor: User | None, role: str, organisation=None, person=None) -> Party:
    """Add a party to a locked pact. While the text is being written, the party list is part
    of it, so a new version records it (and, during signing, voids the signatures)."""
    party = Party.objects.create(pact=pact, role=role, organisation=organisation, person=person)
    forget_standing(pact)
    PactEvent.objects.create(pact=pact, kind=PactEvent.Kind.PARTY, actor=actor, reason=party.name)
    if pact.status in {Pact.Status.CONSULTATION, Pact.Status.CO_DESIGN, Pact.Status.SIGNING}:
        if pact.status == Pact.Status.SIGNING:
            _transition(pact=pact, name="reopen", actor=actor, reason=_("A party joined the pact."))
        write_version(
            pact=pact,
            actor=actor,
            clauses=current_clauses(pact),
            note=_("New party: %(name)s") % {"name": party.name},
        )
    return party


def ensure_city_party(*, pact: Pact, actor: User | None) -> Party:
    """The city department party of a locked pact, added if missing: the acting agent's
    department, else the department managing the commons, else the first city department."""
    existing = pact.parties.filter(role=Party.Role.CITY).first()
    if existing:
        return existing
    departments = Organisation.objects.filter(kind=Organisation.Kind.CITY_DEPARTMENT)
    department = None
    if actor is not None and actor.is_authenticated:
        department = departments.filter(memberships__user=actor).order_by("pk").first()
    department = department or pact.commons.managing_department or departments.order_by("pk").first()
    if department is None:
        raise InvalidState(_("No city department is set up to take part in pacts."), code="NO_CITY_DEPARTMENT")
    return _add_party(pact=pact, actor=actor, role=Party.Role.CITY, organisation=department)


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
        if join_request.status != JoinRequest.Status.PENDING:
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
        join_request.decision_reason = reason
        join_request.status = JoinRequest.Status.ACCEPTED if accept else JoinRequest.Status.DECLINED
        join_request.decided_by = actor
        join_request.decided_at = timezone.now()
        join_request.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
        notices.join_decided(join_request)
    return join_request


def _record_joining_signature(*, pact: Pact, party: Party, join_request: JoinRequest) -> None:
    version = join_request.signed_version
    if Signature.objects.filter(version=version, party=party, voided_at__isnull=True).exists():
        return
    from pactes.signing import record_signature

    record_signature(version=version, party=party, signer=join_request.user)
    PactEvent.objects.create(
        pact=pact,
        kind=PactEvent.Kind.SIGNATURE,
        actor=join_request.user,
        reason=party.name,
        version_number=version.number,
    )


# --- comments -------------------------------------------------------------------------------


def comment_post(*, actor: User, pact: Pact, version_number: int, clause_id: int, body: str) -> Comment:
    """Comment on a clause of one version of ``pact``; the clause must belong to that version."""
    body = clean_text(body)
    require(actor, "pactes.comment_pact", pact)
    if not body:
        raise InvalidInput(_("Write your comment."), code="EMPTY")
    if len(body) > MAX_COMMENT_LENGTH:
        raise InvalidInput(_("A comment has at most %(n)d characters.") % {"n": MAX_COMMENT_LENGTH}, code="TOO_LONG")
    version = PactVersion.objects.filter(pact=pact, number=version_number).first()
    if version is None:
        raise NotFound(_("This version of the pact does not exist."), code="VERSION_NOT_FOUND")
    check_rate(
        Comment.objects.filter(author=actor),
        limit=settings.PACT_COMMENTS_PER_MINUTE,
        window=timedelta(minutes=1),
        message=_("You are commenting very fast. Wait a minute before the next comment."),
    )
    clause = Clause.objects.filter(pk=clause_id, version=version).first()
    if clause is None:
        raise InvalidInput(_("This clause is not part of this version of the pact."), code="CLAUSE_NOT_IN_VERSION")
    with transaction.atomic():
        comment = Comment.objects.create(clause=clause, pact=pact, author=actor, body=body)
        notices.comment_posted(comment)
    return comment


def comment_answer(*, actor: User, comment: Comment, answer: str) -> Comment:
    answer = clean_text(answer)
    require(actor, "pactes.answer_comment_pact", comment.pact)
    if not answer:
        raise InvalidInput(_("Write your answer."), code="EMPTY")
    if len(answer) > MAX_COMMENT_LENGTH:
        raise InvalidInput(_("An answer has at most %(n)d characters.") % {"n": MAX_COMMENT_LENGTH}, code="TOO_LONG")
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        comment.answer, comment.answered_by, comment.answered_at = answer, actor, timezone.now()
        comment.save(update_fields=["answer", "answered_by", "answered_at"])
        notices.comment_answered(comment)
    return comment


# --- attachments and settings of the pact ----------------------------------------------------


def store_attachment(*, pact: Pact, actor: User, checked: CheckedUpload, title: str) -> Attachment:
    attachment = Attachment(
        pact=pact,
        title=(clean_text(title).replace("\n", " ") or checked.file.name or _("Attachment"))[:200],
        content_type=checked.content_type,
        size=checked.size,
        uploaded_by=actor,
    )
    attachment.file.save(f"{pact.pk}/{checked.stored_name}", checked.file, save=False)
    attachment.save()
    return attachment


def attachment_add(*, actor: User, pact: Pact, upload, title: str = "") -> Attachment:
    require(actor, "pactes.attach_pact", pact)
    checked = check_upload(upload)
    with transaction.atomic():
        pact = lock_pact(pact.pk)
        return store_attachment(pact=pact, actor=actor, checked=checked, title=title)


def council_reference_set(*, actor: User, pact: Pact, reference: str) -> Pact:
    """Record the council decision a complex pact needs before the city signs it."""
    reference = clean_text(reference).replace("\n", " ")[:120]
    with transaction.atomic():
        pact = lock_pact(pact.pk)
        require(actor, "pactes.set_council_reference_pact", pact)
        if pact.status in {Pact.Status.ACTIVE, Pact.Status.SUSPENDED, Pact.Status.ENDED, Pact.Status.WITHDRAWN}:
            raise InvalidState()
        pact.council_decision_reference = reference
        pact.save(update_fields=["council_decision_reference"])
    return pact


def pact_link_debate(*, actor: User, pact: Pact, debate=None) -> Pact:
    """Link the debate room where the co-design meetings take place (``None`` unlinks it)."""
    with transaction.atomic():
        pact = lock_pact(pact.pk)
        require(actor, "pactes.link_debate_pact", pact)
        if debate is not None and debate.visibility != "public":
            raise InvalidInput(_("Only a public debate can be linked to a pact."), code="DEBATE_NOT_PUBLIC")
        pact.co_design_debate = debate
        pact.save(update_fields=["co_design_debate"])
    return pact


# --- scheduled ------------------------------------------------------------------------------


def consultations_close_due(*, now=None) -> list[int]:
    """Close every consultation whose end date has passed; returns the pacts closed."""
    from pactes.workflow import pact_transition

    now = now or timezone.now()
    closed = []
    due = Pact.objects.filter(status=Pact.Status.CONSULTATION, consultation_ends_at__lte=now)
    for pact in due.only("pk"):
        try:
            pact_transition(pact=pact, name="close_consultation", actor=None)
        except InvalidState:
            continue  # closed meanwhile by someone else: nothing to do
        closed.append(pact.pk)
    return closed


def pacts_expire_due(*, today=None) -> list[int]:
    """End as ``expired`` every active or suspended pact whose end date has come."""
    from pactes.workflow import pact_transition

    today = today or timezone.localdate()
    expired = []
    due = Pact.objects.filter(status__in=[Pact.Status.ACTIVE, Pact.Status.SUSPENDED], end_date__lte=today)
    for pact in due.only("pk"):
        try:
            pact_transition(pact=pact, name="expire", actor=None, reason=_("The end date of the pact has come."))
        except InvalidState:
            continue
        expired.append(pact.pk)
    return expired
