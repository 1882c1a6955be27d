"""The pact state machine of DESIGN §8: the TRANSITIONS table and the one ``_transition``
helper through which a pact's status ever changes (a person's or the platform's transition:
``pactes.services.workflow``).

Each transition has its own django-rules permission (``pactes.<name>_pact``, in rules.py).
Transitions marked ``system`` are also made by the platform itself (actor ``None``): the
consultation closing at its end date, the pact becoming active on the last signature, a pact
expiring at its end date.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.errors import InvalidInput, InvalidState, NotFound, PermissionDenied
from core.languages import text_in
from pactes import notices
from pactes.canonical import fingerprint, version_document
from pactes.journal import journal_record_version
from pactes.models import Pact, PactEvent, PactVersion, Party, Signature
from pactes.predicates import allowed

S = Pact.Status
BEFORE_ACTIVE = (S.DRAFT, S.SUBMITTED, S.INFO_REQUESTED, S.CONSULTATION, S.CO_DESIGN, S.SIGNING)


@dataclass(frozen=True)
class Transition:
    name: str
    sources: tuple[str, ...]
    target: str
    label: Promise
    reason_required: bool = False
    system: bool = False
    end_reason: str = ""

    @property
    def permission(self) -> str:
        return f"pactes.{self.name}_pact"


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        Transition("submit", (S.DRAFT,), S.SUBMITTED, _("Submit the proposal")),
        Transition("request_information", (S.SUBMITTED,), S.INFO_REQUESTED, _("Ask for information"), True),
        Transition("answer", (S.INFO_REQUESTED,), S.SUBMITTED, _("Answer and resubmit"), True),
        Transition("reject", (S.SUBMITTED, S.INFO_REQUESTED), S.REJECTED, _("Reject the proposal"), True),
        Transition("open_consultation", (S.SUBMITTED,), S.CONSULTATION, _("Open the public consultation")),
        Transition("start_co_design", (S.SUBMITTED,), S.CO_DESIGN, _("Start co-design without consultation")),
        Transition("close_consultation", (S.CONSULTATION,), S.CO_DESIGN, _("Close the consultation"), system=True),
        Transition("freeze", (S.CO_DESIGN,), S.SIGNING, _("Freeze this version for signature")),
        Transition("reopen", (S.SIGNING,), S.CO_DESIGN, _("Reopen co-design")),
        Transition("activate", (S.SIGNING,), S.ACTIVE, _("Activate"), system=True),
        Transition("suspend", (S.ACTIVE,), S.SUSPENDED, _("Suspend the pact"), True),
        Transition("resume", (S.SUSPENDED,), S.ACTIVE, _("Resume the pact")),
        Transition(
            "terminate", (S.ACTIVE, S.SUSPENDED), S.ENDED, _("Terminate the pact"), True, end_reason="terminated"
        ),
        Transition("complete", (S.ACTIVE,), S.ENDED, _("Mark the pact as completed"), end_reason="completed"),
        Transition("expire", (S.ACTIVE, S.SUSPENDED), S.ENDED, _("Expire"), system=True, end_reason="expired"),
        # When its renewal becomes active, a pact ends, replaced by it.
        Transition(
            "supersede",
            (S.ACTIVE, S.SUSPENDED),
            S.ENDED,
            _("Replaced by its renewal"),
            system=True,
            end_reason="renewed",
        ),
        Transition("withdraw", BEFORE_ACTIVE, S.WITHDRAWN, _("Withdraw the pact")),
    ]
}

# Transitions a person starts from a button on the pact page (the others happen by themselves
# or as a consequence of another action, like editing the text during signing).
MANUAL = [
    "submit",
    "answer",
    "request_information",
    "reject",
    "open_consultation",
    "start_co_design",
    "close_consultation",
    "freeze",
    "reopen",
    "suspend",
    "resume",
    "complete",
    "terminate",
    "withdraw",
]


def lock_pact(pact_id: int) -> Pact:
    try:
        return Pact.objects.select_for_update().get(pk=pact_id)
    except Pact.DoesNotExist as exc:
        raise NotFound() from exc


def _transition(*, pact: Pact, name: str, actor=None, reason: str = "") -> PactEvent:
    """Move a *locked* pact along ``TRANSITIONS[name]`` and write the timeline event.

    Requires a transaction and a row locked with ``select_for_update`` (``lock_pact``), so that
    two racing transitions see each other's result: the second one finds the new status and is
    refused. ``actor=None`` is the platform itself, allowed only for ``system`` transitions.
    """
    transition = TRANSITIONS.get(name)
    if transition is None:
        raise InvalidInput(_("Unknown action."), code="UNKNOWN_TRANSITION")
    if pact.status not in transition.sources:
        raise InvalidState(
            _("This action is not possible while the pact is “%(status)s”.") % {"status": pact.get_status_display()}
        )
    if actor is None:
        if not transition.system:
            raise PermissionDenied()
    elif not allowed(actor, transition.permission, pact):
        raise PermissionDenied()
    reason = (reason or "").strip()
    if transition.reason_required and not reason:
        raise InvalidInput(_("Give a reason: it is published in the pact’s timeline."), code="REASON_REQUIRED")
    previous = pact.status
    now = timezone.now()
    pact.status = transition.target
    pact.status_changed_at = now
    fields = ["status", "status_changed_at"]
    fields += _EFFECTS.get(name, _no_effect)(pact, actor, now)
    if transition.end_reason:
        pact.end_reason = transition.end_reason
        pact.ended_at = now
        fields += ["end_reason", "ended_at"]
    pact.save(update_fields=fields)
    notices.pact_moved(pact=pact, name=name, actor=actor, reason=reason)
    return PactEvent.objects.create(
        pact=pact,
        kind=PactEvent.Kind.TRANSITION,
        transition=name,
        actor=actor,
        from_status=previous,
        to_status=transition.target,
        reason=reason,
        version_number=pact.frozen_version.number if pact.frozen_version is not None else None,
    )


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


def _no_effect(pact, actor, now) -> list[str]:
    return []


def _on_submit(pact, actor, now) -> list[str]:
    pact.submitted_at = pact.submitted_at or now
    return ["submitted_at"]


def _on_open_consultation(pact, actor, now) -> list[str]:
    pact.consultation_ends_at = now + timedelta(days=settings.PACT_CONSULTATION_DAYS)
    return ["consultation_ends_at"]


def _on_freeze(pact, actor, now) -> list[str]:
    pact.frozen_version = check_ready_for_signature(pact=pact)
    # The public journal keeps the fingerprint of the text put to signature, part by part.
    journal_record_version(version=pact.frozen_version)
    return ["frozen_version"]


def _on_leave_signing(pact, actor, now) -> list[str]:
    """Leaving ``signing`` before activation voids every signature of the frozen version."""
    if pact.frozen_version_id:
        voided = Signature.objects.filter(version_id=pact.frozen_version_id, voided_at__isnull=True).update(
            voided_at=now
        )
        if voided:
            PactEvent.objects.create(
                pact=pact,
                kind=PactEvent.Kind.SIGNATURES_VOIDED,
                actor=actor,
                version_number=pact.frozen_version.number,
            )
    pact.frozen_version = None
    return ["frozen_version"]


def _on_withdraw(pact, actor, now) -> list[str]:
    return _on_leave_signing(pact, actor, now) if pact.frozen_version_id else []


def _on_activate(pact, actor, now) -> list[str]:
    pact.activated_at = pact.activated_at or now
    if pact.renewal_of_id:
        previous = lock_pact(pact.renewal_of_id)
        if previous.status in TRANSITIONS["supersede"].sources:
            _transition(
                pact=previous,
                name="supersede",
                actor=None,
                reason=text_in(previous.language, _("Renewed by pact no. %(id)s."), id=pact.pk),
            )
    return ["activated_at"]


_EFFECTS = {
    "submit": _on_submit,
    "open_consultation": _on_open_consultation,
    "freeze": _on_freeze,
    "reopen": _on_leave_signing,
    "withdraw": _on_withdraw,
    "activate": _on_activate,
}
