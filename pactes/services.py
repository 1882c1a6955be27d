"""Services of the pact workflow other than transitions (workflow.py) and signing (signing.py):
proposing a pact, writing versions, parties, comments, join requests, attachments.

Every service checks a django-rules permission, locks the pact row it changes and records
what the public timeline shows.
"""

import re
from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import Membership, Organisation, User
from cite.errors import InvalidInput, InvalidState, NotFound, PermissionDenied
from pactes.canonical import document, fingerprint
from pactes.clauses import initial_clauses
from pactes.models import Attachment, Clause, Comment, Commons, JoinRequest, Pact, PactEvent, PactVersion, Party
from pactes.predicates import allowed, forget_standing
from pactes.uploads import CheckedUpload, check_upload
from pactes.workflow import _transition, lock_pact

MAX_CLAUSES = 40
MAX_CLAUSE_LENGTH = 20_000
MAX_COMMENT_LENGTH = 3_000


def _require(actor, perm: str, obj=None) -> None:
    if actor is None or not allowed(actor, perm, obj):
        raise PermissionDenied()


def _check_rate(queryset, *, limit: int, window: timedelta, message) -> None:
    """Refuse when ``queryset`` (the actor's recent items) already holds ``limit`` items."""
    if queryset.filter(created_at__gte=timezone.now() - window).count() >= limit:
        raise InvalidInput(message, code="RATE_LIMITED", retry_after=int(window.total_seconds()))


def _clean_text(value: str) -> str:
    # Clauses are plain text: one kind of line break, no trailing spaces, no control characters.
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    value = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", value)
    return "\n".join(line.rstrip() for line in value.split("\n")).strip()


# --- proposal -------------------------------------------------------------------------------


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
    _require(actor, "pactes.propose_pact")
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
    _check_rate(
        Pact.objects.filter(created_by=actor),
        limit=settings.PACT_PROPOSALS_PER_DAY,
        window=timedelta(days=1),
        message=_("You have proposed many pacts today. Try again tomorrow."),
    )
    checked = [check_upload(upload) for upload, _title in uploads]
    photo = check_upload(new_commons["photo"]) if new_commons and new_commons.get("photo") else None

    with transaction.atomic():
        if new_commons is not None:
            commons = Commons(
                name=new_commons["name"].strip(),
                kind=new_commons.get("kind") or Commons.Kind.OTHER,
                address=new_commons.get("address", "").strip(),
                neighbourhood=new_commons.get("neighbourhood", "").strip(),
                description=new_commons.get("description", "").strip(),
                photo_alt=new_commons.get("photo_alt", "").strip() if photo else "",
                suggested_by=actor,
            )
            if photo:
                if not commons.photo_alt:
                    raise InvalidInput(_("Describe the photo for people who cannot see it."), code="ALT_REQUIRED")
                commons.photo.save(photo.stored_name, photo.file, save=False)
            commons.save()
        if proponent_kind == Pact.ProponentKind.INFORMAL_GROUP:
            organisation = _informal_group(actor=actor, name=group_name, members=group_members)
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
        _write_version(
            pact=pact, actor=actor, clauses=initial_clauses(proposal=proposal), note=_("Proposal"), title=title
        )
        for upload, (_upload, upload_title) in zip(checked, uploads, strict=True):
            _store_attachment(pact=pact, actor=actor, checked=upload, title=upload_title)
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
        description=_clean_text(members)[:2000],
    )
    Membership.objects.create(user=actor, organisation=group, role=Membership.Role.REPRESENTATIVE)
    return group


# --- versions -------------------------------------------------------------------------------


def _party_snapshot(pact: Pact) -> list[dict]:
    return [
        {
            "role": party.role,
            "kind": party.kind,
            "id": party.organisation_id or party.person_id,
            "name": party.name,
        }
        for party in pact.parties.select_related("organisation", "person")
    ]


def _write_version(
    *,
    pact: Pact,
    actor: User | None,
    clauses: list[dict],
    note: str = "",
    title: str | None = None,
    start_date: date | None = None,
    end_date: date | None = None,
    keep_dates: bool = True,
) -> PactVersion:
    """Write the next immutable version of a locked ``pact``. No permission check: callers do."""
    latest = pact.versions.order_by("-number").first()
    number = latest.number + 1 if latest else 1
    title = (title or (latest.title if latest else pact.title)).strip()
    if keep_dates and latest is not None:
        start_date = start_date if start_date is not None else latest.start_date
        end_date = end_date if end_date is not None else latest.end_date
    if start_date and end_date and end_date < start_date:
        raise InvalidInput(_("The end date must come after the start date."), code="DATES_INVALID")
    parties = _party_snapshot(pact)
    commons = {"id": pact.commons_id, "name": pact.commons.name}
    doc = document(
        pact_id=pact.pk,
        number=number,
        title=title,
        commons=commons,
        parties=parties,
        start_date=start_date,
        end_date=end_date,
        clauses=clauses,
    )
    if latest is not None:
        from pactes.canonical import version_document

        previous = version_document(latest)
        if {**previous, "version": number} == doc:
            raise InvalidInput(_("Nothing has changed since the last version."), code="NO_CHANGE")
    version = PactVersion.objects.create(
        pact=pact,
        number=number,
        title=title,
        commons_name=commons["name"],
        parties=parties,
        start_date=start_date,
        end_date=end_date,
        note=note[:300],
        content_hash=fingerprint(doc),
        created_by=actor,
    )
    Clause.objects.bulk_create(
        Clause(version=version, position=i, key=c["key"], heading=c["heading"], body=c["body"])
        for i, c in enumerate(clauses, start=1)
    )
    pact.title, pact.start_date, pact.end_date = title, start_date, end_date
    pact.save(update_fields=["title", "start_date", "end_date"])
    PactEvent.objects.create(
        pact=pact, kind=PactEvent.Kind.VERSION, actor=actor, version_number=number, reason=note[:300]
    )
    return version


def clean_clauses(clauses: list[dict]) -> list[dict]:
    """Validate the clauses an editor sends: headings and texts present, keys unique."""
    if not clauses:
        raise InvalidInput(_("A pact needs at least one clause."), code="NO_CLAUSE")
    if len(clauses) > MAX_CLAUSES:
        raise InvalidInput(_("A pact has at most %(n)d clauses.") % {"n": MAX_CLAUSES}, code="TOO_MANY_CLAUSES")
    cleaned, keys = [], set()
    for clause in clauses:
        heading = _clean_text(clause.get("heading", "")).replace("\n", " ")[:200]
        body = _clean_text(clause.get("body", ""))
        if not heading or not body:
            raise InvalidInput(_("Every clause needs a heading and a text."), code="CLAUSE_EMPTY")
        if len(body) > MAX_CLAUSE_LENGTH:
            raise InvalidInput(_("A clause is too long."), code="CLAUSE_TOO_LONG")
        key = slugify(clause.get("key") or "")[:60] or slugify(heading)[:50] or "clause"
        base, n = key, 1
        while key in keys:
            n += 1
            key = f"{base}-{n}"
        keys.add(key)
        cleaned.append({"key": key, "heading": heading, "body": body})
    return cleaned


def version_create(
    *,
    actor: User,
    pact: Pact,
    based_on: int,
    clauses: list[dict],
    title: str,
    start_date: date | None,
    end_date: date | None,
    note: str = "",
) -> PactVersion:
    """Save an edit of the text as a new immutable version.

    ``based_on`` is the version number the editor started from: if someone saved another
    version meanwhile, the edit is refused rather than silently overwriting theirs. During
    ``signing`` an edit returns the pact to ``co_design`` and voids the signatures.
    """
    clauses = clean_clauses(clauses)
    title = _clean_text(title).replace("\n", " ")[:200]
    if not title:
        raise InvalidInput(_("Give the pact a title."), code="TITLE_REQUIRED")
    with transaction.atomic():
        pact = lock_pact(pact.pk)
        _require(actor, "pactes.edit_pact", pact)
        latest = pact.versions.order_by("-number").values_list("number", flat=True).first()
        if based_on != latest:
            raise InvalidState(
                _("Someone saved a new version meanwhile (version %(n)s). Start again from it.") % {"n": latest},
                code="VERSION_CONFLICT",
            )
        if pact.status == Pact.Status.SIGNING:
            _transition(pact=pact, name="reopen", actor=actor, reason=note or _("The text was changed."))
        return _write_version(
            pact=pact,
            actor=actor,
            clauses=clauses,
            note=_clean_text(note),
            title=title,
            start_date=start_date,
            end_date=end_date,
            keep_dates=False,
        )


def _current_clauses(pact: Pact) -> list[dict]:
    latest = pact.versions.order_by("-number").first()
    if latest is None:
        return []
    return [{"key": c.key, "heading": c.heading, "body": c.body} for c in latest.clauses.order_by("position")]


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
        _write_version(
            pact=pact,
            actor=actor,
            clauses=_current_clauses(pact),
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
    *, actor: User, pact: Pact, message: str = "", organisation: Organisation | None = None
) -> JoinRequest:
    _require(actor, "pactes.request_join_pact", pact)
    if (
        organisation is not None
        and not Membership.objects.filter(
            user=actor, organisation=organisation, role=Membership.Role.REPRESENTATIVE
        ).exists()
    ):
        raise PermissionDenied(_("You can only ask on behalf of an organisation you represent."))
    if organisation is not None and pact.parties.filter(organisation=organisation).exists():
        raise InvalidState(_("This organisation is already a party to the pact."), code="ALREADY_PARTY")
    try:
        with transaction.atomic():
            return JoinRequest.objects.create(
                pact=pact, user=actor, organisation=organisation, message=_clean_text(message)[:2000]
            )
    except IntegrityError as exc:
        raise InvalidState(_("You have already asked to join this pact."), code="ALREADY_REQUESTED") from exc


def join_request_decide(*, actor: User, join_request: JoinRequest, accept: bool) -> JoinRequest:
    with transaction.atomic():
        pact = lock_pact(join_request.pact_id)
        _require(actor, "pactes.decide_join_pact", pact)
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
            if not pact.parties.filter(**kwargs).exists():
                _add_party(pact=pact, actor=actor, role=Party.Role.CO_SIGNATORY, **kwargs)
        join_request.status = JoinRequest.Status.ACCEPTED if accept else JoinRequest.Status.DECLINED
        join_request.decided_by = actor
        join_request.decided_at = timezone.now()
        join_request.save(update_fields=["status", "decided_by", "decided_at"])
    return join_request


# --- comments -------------------------------------------------------------------------------


def comment_post(*, actor: User, pact: Pact, version_number: int, clause_id: int, body: str) -> Comment:
    """Comment on a clause of one version of ``pact``; the clause must belong to that version."""
    body = _clean_text(body)
    _require(actor, "pactes.comment_pact", pact)
    if not body:
        raise InvalidInput(_("Write your comment."), code="EMPTY")
    if len(body) > MAX_COMMENT_LENGTH:
        raise InvalidInput(_("A comment has at most %(n)d characters.") % {"n": MAX_COMMENT_LENGTH}, code="TOO_LONG")
    version = PactVersion.objects.filter(pact=pact, number=version_number).first()
    if version is None:
        raise NotFound(_("This version of the pact does not exist."), code="VERSION_NOT_FOUND")
    _check_rate(
        Comment.objects.filter(author=actor),
        limit=settings.PACT_COMMENTS_PER_MINUTE,
        window=timedelta(minutes=1),
        message=_("You are commenting very fast. Wait a minute before the next comment."),
    )
    clause = Clause.objects.filter(pk=clause_id, version=version).first()
    if clause is None:
        raise InvalidInput(_("This clause is not part of this version of the pact."), code="CLAUSE_NOT_IN_VERSION")
    return Comment.objects.create(clause=clause, pact=pact, author=actor, body=body)


def comment_answer(*, actor: User, comment: Comment, answer: str) -> Comment:
    answer = _clean_text(answer)
    _require(actor, "pactes.answer_comment_pact", comment.pact)
    if not answer:
        raise InvalidInput(_("Write your answer."), code="EMPTY")
    if len(answer) > MAX_COMMENT_LENGTH:
        raise InvalidInput(_("An answer has at most %(n)d characters.") % {"n": MAX_COMMENT_LENGTH}, code="TOO_LONG")
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        comment.answer, comment.answered_by, comment.answered_at = answer, actor, timezone.now()
        comment.save(update_fields=["answer", "answered_by", "answered_at"])
    return comment


# --- attachments and settings of the pact ----------------------------------------------------


def _store_attachment(*, pact: Pact, actor: User, checked: CheckedUpload, title: str) -> Attachment:
    attachment = Attachment(
        pact=pact,
        title=(_clean_text(title).replace("\n", " ") or checked.file.name or _("Attachment"))[:200],
        content_type=checked.content_type,
        size=checked.size,
        uploaded_by=actor,
    )
    attachment.file.save(f"{pact.pk}/{checked.stored_name}", checked.file, save=False)
    attachment.save()
    return attachment


def attachment_add(*, actor: User, pact: Pact, upload, title: str = "") -> Attachment:
    _require(actor, "pactes.attach_pact", pact)
    checked = check_upload(upload)
    with transaction.atomic():
        pact = lock_pact(pact.pk)
        return _store_attachment(pact=pact, actor=actor, checked=checked, title=title)


def council_reference_set(*, actor: User, pact: Pact, reference: str) -> Pact:
    """Record the council decision a complex pact needs before the city signs it."""
    reference = _clean_text(reference).replace("\n", " ")[:120]
    with transaction.atomic():
        pact = lock_pact(pact.pk)
        _require(actor, "pactes.set_council_reference_pact", pact)
        if pact.status in {Pact.Status.ACTIVE, Pact.Status.SUSPENDED, Pact.Status.ENDED, Pact.Status.WITHDRAWN}:
            raise InvalidState()
        pact.council_decision_reference = reference
        pact.save(update_fields=["council_decision_reference"])
    return pact


def pact_link_debate(*, actor: User, pact: Pact, debate=None) -> Pact:
    """Link the debate room where the co-design meetings take place (``None`` unlinks it)."""
    with transaction.atomic():
        pact = lock_pact(pact.pk)
        _require(actor, "pactes.link_debate_pact", pact)
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
    from pactes.workflow import pact_transition

    today = today or timezone.localdate()
    expired = []
    due = Pact.objects.filter(status__in=[Pact.Status.ACTIVE, Pact.Status.SUSPENDED], end_date__lt=today)
    for pact in due.only("pk"):
        try:
            pact_transition(pact=pact, name="expire", actor=None, reason=_("The end date has passed."))
        except InvalidState:
            continue
        expired.append(pact.pk)
    return expired
