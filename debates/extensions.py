"""The room's registry: what an app above the rooms (moderation) plugs into them.

The rooms sit below moderation and never import it. Moderation registers, in its ``ready()``:

- the services some room frames hand over (``report.create`` and the facilitators' decisions),
  called as ``service(*, actor, debate, **fields)`` like the room's own services;
- a listener told, inside the posting transaction, of each message the pipeline holds;
- a check saying whether a participant is under a facilitator's review in a debate;
- the reported messages of a debate still waiting for a person (the facilitators' console).

A frame whose service nobody registered is refused with ``UNAVAILABLE``; without listeners or
checks, nothing is recorded and nobody is under review.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from core.errors import InvalidState

REPORT_CREATE = "report.create"
MESSAGE_APPROVE = "message.approve"
MESSAGE_REJECT = "message.reject"
MESSAGE_HIDE = "message.hide"
PARTICIPANT_MUTE = "participant.mute"
FRAMES = (REPORT_CREATE, MESSAGE_APPROVE, MESSAGE_REJECT, MESSAGE_HIDE, PARTICIPANT_MUTE)

_frame_services: dict[str, Callable[..., Any]] = {}
_held_listeners: list[Callable[..., None]] = []
_review_checks: list[Callable[..., bool]] = []
_reported: list[Callable[..., list]] = []


def register_frame_service(frame_type: str, service: Callable[..., Any]) -> None:
    if frame_type not in FRAMES:
        raise ValueError(f"The room hands over no frame {frame_type!r}.")
    _frame_services[frame_type] = service


def _unavailable(**kwargs) -> None:
    raise InvalidState(_("This action is not available."), code="UNAVAILABLE")


def frame_service(frame_type: str) -> Callable[..., Any]:
    return _frame_services.get(frame_type, _unavailable)


def register_held_listener(listener: Callable[..., None]) -> None:
    """``listener(*, debate, message, rule)``; registering the same function twice keeps one."""
    if listener not in _held_listeners:
        _held_listeners.append(listener)


def message_held(*, debate, message, rule: str) -> None:
    for listener in _held_listeners:
        listener(debate=debate, message=message, rule=rule)


def register_review_check(check: Callable[..., bool]) -> None:
    """``check(*, debate_id, user_id) -> bool``."""
    if check not in _review_checks:
        _review_checks.append(check)


def under_review(*, debate_id: int, user_id: int) -> bool:
    return any(check(debate_id=debate_id, user_id=user_id) for check in _review_checks)


def register_reported(provider: Callable[..., list]) -> None:
    """``provider(*, debate) -> list[Message]``, reports prefetched, ``report_count`` annotated."""
    if provider not in _reported:
        _reported.append(provider)


def reported_in(*, debate) -> list:
    return [message for provider in _reported for message in provider(debate=debate)]
