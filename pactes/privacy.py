"""What the pact workflow holds about a person: exported on request, erased with the account.

Public contributions (comments, answers, signatures, yearly reports, the parties of a submitted
pact, the timeline) are part of a public record and stay; they then read "participant supprimé". Drafts
never submitted and join requests are not public: they go with the account.
"""

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from pactes.models import Attachment, Comment, JoinRequest, Pact, PactEvent, PactReport, Signature


def export_user_data(*, user) -> dict:
    pacts = Pact.objects.filter(Q(created_by=user) | Q(parties__person=user)).distinct().order_by("pk")
    return {
        "pacts": [
            {"id": p.pk, "title": p.title, "status": p.status, "created_at": p.created_at.isoformat()} for p in pacts
        ],
        "comments": [
            {
                "pact": c.pact_id,
                "clause": c.clause.heading,
                "body": c.body,
                "created_at": c.created_at.isoformat(),
            }
            for c in Comment.objects.filter(author=user).select_related("clause").order_by("pk")
        ],
        "answers": [
            {"pact": c.pact_id, "answer": c.answer, "answered_at": c.answered_at.isoformat()}
            for c in Comment.objects.filter(answered_by=user).order_by("pk")
        ],
        "signatures": [
            {
                "pact": s.version.pact_id,
                "version": s.version.number,
                "fingerprint": s.content_hash,
                "party": s.party.name,
                "signed_at": s.signed_at.isoformat(),
                "voided_at": s.voided_at.isoformat() if s.voided_at else None,
            }
            for s in Signature.objects.filter(signer=user)
            .select_related("version", "party__organisation")
            .order_by("pk")
        ],
        "join_requests": [
            {
                "pact": r.pact_id,
                "message": r.message,
                "status": r.status,
                "decision_reason": r.decision_reason,
                "created_at": r.created_at.isoformat(),
            }
            for r in JoinRequest.objects.filter(user=user).order_by("pk")
        ],
        "reports": [
            {
                "pact": r.pact_id,
                "year": r.period,
                "actions": r.actions,
                "results": r.results,
                "created_at": r.created_at.isoformat(),
            }
            for r in PactReport.objects.filter(author=user).order_by("pk")
        ],
        "attachments": [
            {"pact": a.pact_id, "title": a.title, "created_at": a.created_at.isoformat()}
            for a in Attachment.objects.filter(uploaded_by=user).order_by("pk")
        ],
    }


def _deleted_name() -> str:
    # Stored in the city's language, like every timeline line.
    with translation.override(settings.LANGUAGE_CODE):
        return _("deleted participant")


def erase_user_data(*, user) -> None:
    # Timeline lines that named the person as a party (joining, signing) keep the fact, not
    # the name. Called before the account's own name is erased.
    if user.display_name:
        PactEvent.objects.filter(
            pact__parties__person=user,
            kind__in=[PactEvent.Kind.PARTY, PactEvent.Kind.SIGNATURE],
            reason=user.display_name,
        ).update(reason=_deleted_name())
    JoinRequest.objects.filter(user=user).delete()
    drafts = Pact.objects.filter(status=Pact.Status.DRAFT, submitted_at__isnull=True, created_by=user)
    for pact in drafts:
        for attachment in pact.attachments.all():
            attachment.file.delete(save=False)
        pact.delete()
