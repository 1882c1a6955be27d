"""How the room runs: its mode (open, slow, turns, paused), reformulation, and its closing with a synthesis."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.errors import InvalidInput
from core.permissions import require
from debates import frames
from debates.models import Debate
from debates.services.common import _lock, _record, _transition
from debates.services.floor import _end_floor
from debates.services.messages import reformulation_required


def room_set_mode(*, actor: User, debate: Debate, mode: str, slow_seconds: int | None = None) -> Debate:
    """Change how the room runs: open, slow, turns, paused, or closed (which closes the debate).

    Setting a running mode on an upcoming or closed debate opens it.
    """
    require(actor, "debates.moderate_debate", debate)
    if mode != "closed" and mode not in Debate.Mode.values:
        raise InvalidInput(_("Unknown room mode."), code="INVALID_MODE")
    if slow_seconds is not None and not 5 <= slow_seconds <= 3600:
        raise InvalidInput(_("Slow mode waits between 5 seconds and one hour."), code="INVALID_DURATION")
    with transaction.atomic():
        debate = _lock(debate)
        fields = ["mode", "slow_seconds", "status"]
        if mode == "closed":
            _transition(debate, Debate.Status.CLOSED)
            debate.closed_at = timezone.now()
            fields.append("closed_at")
        else:
            if debate.status != Debate.Status.OPEN:
                _transition(debate, Debate.Status.OPEN)
            debate.mode = mode
        if slow_seconds is not None:
            debate.slow_seconds = slow_seconds
        debate.save(update_fields=fields)
        _record(debate, "mode.changed", frames.mode(debate), actor=actor)
        # A pause or the end of the debate stops the speaking turn too: nobody keeps the floor
        # in a room where nobody may post.
        if mode in ("closed", Debate.Mode.PAUSED):
            _end_floor(debate, actor=actor)
    return debate


def room_set_reformulation(*, actor: User, debate: Debate, required: bool | None) -> Debate:
    """Switch reformulation mode on (True) or off (False) in this room, or back to what its
    facilitation profile says (None). Everyone in the room is told (``reformulation.changed``)."""
    require(actor, "debates.moderate_debate", debate)
    if required not in (True, False, None):
        raise InvalidInput(_("Reformulation mode is on, off or as the profile says."), code="INVALID_FRAME")
    with transaction.atomic():
        debate = _lock(debate)
        debate.reformulation_required = required
        debate.save(update_fields=["reformulation_required"])
        _record(debate, "reformulation.changed", {"required": reformulation_required(debate)}, actor=actor)
    return debate


def debate_close(*, actor: User, debate: Debate, synthesis: str) -> Debate:
    """Close the debate with its synthesis (or update the synthesis of a closed debate)."""
    require(actor, "debates.close_debate", debate)
    synthesis = synthesis.strip()
    if not synthesis:
        raise InvalidInput(_("Write the synthesis of the debate."), code="SYNTHESIS_REQUIRED")
    with transaction.atomic():
        debate = _lock(debate)
        debate.synthesis = synthesis
        if debate.status == Debate.Status.CLOSED:
            debate.save(update_fields=["synthesis"])
            return debate
        _transition(debate, Debate.Status.CLOSED)
        debate.closed_at = timezone.now()
        debate.save(update_fields=["status", "closed_at", "synthesis"])
        _end_floor(debate, actor=actor)
        _record(debate, "mode.changed", frames.mode(debate), actor=actor)
    return debate
