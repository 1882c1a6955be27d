"""What a pact records beside its text: attachments, the council's reference, its debate room."""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from core.errors import InvalidInput, InvalidState
from core.permissions import require
from pactes.guards import clean_text
from pactes.models import (
    Attachment,
    Pact,
)
from pactes.services.state import lock_pact
from pactes.uploads import CheckedUpload, check_upload


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
