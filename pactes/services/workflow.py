"""Moving a pact along its state machine (``pactes.services.state``): a person's transition,
and the ones the platform makes when a date comes."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from core.errors import InvalidState
from core.languages import text_in
from pactes.models import Pact
from pactes.services.parties import ensure_city_party
from pactes.services.state import MANUAL, TRANSITIONS, Transition, _transition, lock_pact

__all__ = [
    "MANUAL",
    "TRANSITIONS",
    "Transition",
    "consultations_close_due",
    "lock_pact",
    "pact_transition",
    "pacts_expire_due",
]


def pact_transition(*, pact: Pact, name: str, actor=None, reason: str = "") -> Pact:
    """Apply one transition for ``actor`` (None: the platform). Raises a domain error and
    changes nothing when the state, the permission or the reason does not allow it."""
    with transaction.atomic():
        locked = lock_pact(pact.pk)
        _transition(pact=locked, name=name, actor=actor, reason=reason)
        if name in {"open_consultation", "start_co_design"}:
            ensure_city_party(pact=locked, actor=actor)
    return locked


def consultations_close_due(*, now=None) -> list[int]:
    """Close every consultation whose end date has passed; returns the pacts closed."""
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
    today = today or timezone.localdate()
    expired = []
    due = Pact.objects.filter(status__in=[Pact.Status.ACTIVE, Pact.Status.SUSPENDED], end_date__lte=today)
    for pact in due.only("pk", "language"):
        try:
            reason = text_in(pact.language, gettext_lazy("The end date of the pact has come."))
            pact_transition(pact=pact, name="expire", actor=None, reason=reason)
        except InvalidState:
            continue
        expired.append(pact.pk)
    return expired
