"""Comments on the clauses of a version."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.errors import InvalidInput, NotFound
from core.permissions import require
from pactes import notices
from pactes.guards import check_rate, clean_text
from pactes.models import (
    Clause,
    Comment,
    Pact,
    PactVersion,
)

MAX_COMMENT_LENGTH = 3_000


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
