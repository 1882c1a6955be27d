"""Reads of pacts, commons and versions, shaped for pages with a fixed number of queries."""

from django.db.models import Prefetch, Q, QuerySet, prefetch_related_objects

from pactes.models import (
    Clause,
    Comment,
    Commons,
    JournalEntry,
    Pact,
    PactEvent,
    PactVersion,
    Party,
    Signature,
)


def public_pacts() -> QuerySet[Pact]:
    """Pacts past ``draft``. A pact withdrawn before it was ever submitted stays private."""
    return Pact.objects.exclude(status=Pact.Status.DRAFT).filter(submitted_at__isnull=False)


def pacts_for_engagement(*, engagement_id: int, user=None) -> list[Pact]:
    """Public pacts linked to an engagement page, most recently changed first (one query)."""
    return list(public_pacts().filter(engagement_id=engagement_id).order_by("-status_changed_at", "-pk"))


def latest_pacts(*, limit: int) -> list[Pact]:
    """The public pacts whose status changed last (one query)."""
    return list(public_pacts().order_by("-status_changed_at", "-pk")[: max(0, limit)])


def listed_commons() -> QuerySet[Commons]:
    """The commons anyone may see: checked by the city, or cared for by a public pact."""
    return Commons.objects.filter(Q(is_validated=True) | Q(pk__in=public_pacts().values("commons_id")))


def commons_for_proposal(*, user) -> QuerySet[Commons]:
    return Commons.objects.filter(Q(is_validated=True) | Q(suggested_by=user)).order_by("name")


def pact_for_page(*, pact_id: int) -> Pact | None:
    return (
        Pact.objects.select_related("commons", "engagement", "frozen_version", "co_design_debate", "renewal_of")
        .prefetch_related(Prefetch("parties", queryset=Party.objects.select_related("organisation", "person")))
        .filter(pk=pact_id)
        .first()
    )


def version_with_clauses(*, pact: Pact, number: int | None = None, comments: bool = False) -> PactVersion | None:
    """A version of ``pact`` (the latest when ``number`` is None) with its clauses, and their
    comments with authors when asked."""
    clauses = Clause.objects.order_by("position")
    if comments:
        clauses = clauses.prefetch_related(
            Prefetch("comments", queryset=Comment.objects.select_related("author", "answered_by"))
        )
    versions = PactVersion.objects.filter(pact=pact).prefetch_related(Prefetch("clauses", queryset=clauses))
    version = versions.filter(number=number).first() if number is not None else versions.order_by("-number").first()
    if version is not None:
        version.pact = pact
        version.shown_parties = parties_as_shown(version.parties)
    return version


def parties_as_shown(parties: list[dict]) -> list[dict]:
    """A version's parties as pages and PDFs show them. The snapshot keeps the names its
    fingerprint covers, but a person who deleted their account is shown as such (and a person
    who renamed themselves, under their current name): names of people are read now."""
    people = {p["id"] for p in parties if p.get("kind") == "person"}
    if not people:
        return parties
    from accounts.models import User

    names = {user.pk: user.public_name for user in User.objects.filter(pk__in=people)}
    return [{**p, "name": names.get(p["id"], p["name"])} if p.get("kind") == "person" else p for p in parties]


def versions_with_latest_text(*, pact: Pact) -> tuple[PactVersion | None, list[PactVersion]]:
    """Every version of ``pact``, newest first, and the newest with its clauses and their
    comments: three queries for the pact page, however many versions there are."""
    versions = list(PactVersion.objects.filter(pact=pact).defer("parties").order_by("-number"))
    if not versions:
        return None, []
    latest = versions[0]
    latest.pact = pact
    clauses = Clause.objects.order_by("position").prefetch_related(
        Prefetch("comments", queryset=Comment.objects.select_related("author", "answered_by"))
    )
    prefetch_related_objects([latest], Prefetch("clauses", queryset=clauses))
    return latest, versions


def version_numbers(*, pact: Pact) -> list[dict]:
    return list(
        PactVersion.objects.filter(pact=pact).order_by("-number").values("number", "created_at", "note", "content_hash")
    )


def timeline(*, pact: Pact) -> list[PactEvent]:
    return list(pact.events.select_related("actor").order_by("created_at", "pk"))


def signatures_of(*, version: PactVersion) -> list[Signature]:
    return list(
        version.signatures.select_related("party__organisation", "party__person", "signer").order_by("signed_at")
    )


def version_by_fingerprint(*, fingerprint: str) -> PactVersion | None:
    """The version of a public pact known by this SHA-256 fingerprint, with its pact and
    clauses. A fingerprint printed on a signed PDF is found even when the version's stored
    fingerprint was changed since: the signatures and the public journal keep it too."""
    fingerprint = fingerprint.lower()
    known = (
        Q(content_hash=fingerprint)
        | Q(pk__in=Signature.objects.filter(content_hash=fingerprint).values("version_id"))
        | Q(pk__in=JournalEntry.objects.filter(fingerprint=fingerprint).values("version_id"))
    )
    return (
        PactVersion.objects.filter(known, pact__in=public_pacts())
        .select_related("pact__commons")
        .prefetch_related("clauses")
        .order_by("-number")
        .first()
    )


def journal_of(*, version: PactVersion) -> list[JournalEntry]:
    return list(JournalEntry.objects.filter(version_id=version.pk).order_by("sequence"))
