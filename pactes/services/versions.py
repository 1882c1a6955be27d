"""The text of a pact: immutable versions of clauses, with the snapshot their fingerprint covers."""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import User
from core.errors import InvalidInput, InvalidState
from core.permissions import require
from pactes.canonical import FORMAT, document, fingerprint, same_content, version_document
from pactes.guards import clean_text
from pactes.models import Clause, Pact, PactEvent, PactVersion
from pactes.services.state import _transition, lock_pact

MAX_CLAUSES = 40
MAX_CLAUSE_LENGTH = 20_000


def party_snapshot(pact: Pact) -> list[dict]:
    return [
        {
            "role": party.role,
            "kind": party.kind,
            "id": party.organisation_id or party.person_id,
            "name": party.name,
        }
        for party in pact.parties.select_related("organisation", "person")
    ]


def write_version(
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
    parties = party_snapshot(pact)
    commons: dict[str, Any] = {"id": pact.commons_id, "name": pact.commons.name}
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
    if latest is not None and same_content(version_document(latest), doc):
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
        canonical_format=FORMAT,
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
        heading = clean_text(clause.get("heading", "")).replace("\n", " ")[:200]
        body = clean_text(clause.get("body", ""))
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
    title = clean_text(title).replace("\n", " ")[:200]
    if not title:
        raise InvalidInput(_("Give the pact a title."), code="TITLE_REQUIRED")
    with transaction.atomic():
        pact = lock_pact(pact.pk)
        require(actor, "pactes.edit_pact", pact)
        latest = pact.versions.order_by("-number").values_list("number", flat=True).first()
        if based_on != latest:
            raise InvalidState(
                _("Someone saved a new version meanwhile (version %(n)s). Start again from it.") % {"n": latest},
                code="VERSION_CONFLICT",
            )
        if pact.status == Pact.Status.SIGNING:
            _transition(pact=pact, name="reopen", actor=actor, reason=note or _("The text was changed."))
        return write_version(
            pact=pact,
            actor=actor,
            clauses=clauses,
            note=clean_text(note),
            title=title,
            start_date=start_date,
            end_date=end_date,
            keep_dates=False,
        )


def current_clauses(pact: Pact) -> list[dict]:
    latest = pact.versions.order_by("-number").first()
    if latest is None:
        return []
    return [{"key": c.key, "heading": c.heading, "body": c.body} for c in latest.clauses.order_by("position")]
