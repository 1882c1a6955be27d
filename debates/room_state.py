"""The part of ``room.state`` that is the same for everyone in a room, kept for a moment.

A crowd arriving at once (a session announced in the hall, every reader coming back after a
deploy) would otherwise read the same debate, profile, queue and floor once per socket. The
shared part is kept for ``TTL`` seconds per process and forgotten as soon as the process's hub
delivers an event that changes it; what it may miss meanwhile (an event in flight) has a seq
greater than its ``last_seq``, so the client's ``resume`` brings it.
"""

from __future__ import annotations

import copy
import time

from debates import frames, selectors, services
from debates.models import Debate

TTL = 1.0  # seconds

_kept: dict[str, tuple[float, Debate, dict]] = {}


def load(slug: str) -> tuple[Debate, dict] | None:
    """The debate (a copy of its own for the caller) and the shared part of its state."""
    now = time.monotonic()
    kept = _kept.get(slug)
    if kept is None or now - kept[0] > TTL:
        debate = Debate.objects.select_related("floor_user", "floor_hall_speaker", "profile").filter(slug=slug).first()
        if debate is None:
            return None
        kept = (now, debate, shared_part(debate))
        _kept[slug] = kept
    # Who facilitates is read for each socket: a facilitator just taken off must not be one
    # again for a moment.
    debate = copy.copy(kept[1])
    debate._facilitator_ids = None
    return debate, kept[2]


def shared_part(debate: Debate) -> dict:
    profile = services.debate_profile(debate)
    return {
        "room": {
            "id": debate.pk,
            "slug": debate.slug,
            "title": debate.title,
            **frames.mode(debate),
            "max_length": profile.max_length,
            "reformulation_required": services.reformulation_required(debate, profile),
        },
        "queue": frames.queue(selectors.speaking_queue(debate=debate)),
        "floor": frames.floor(debate),
        "last_seq": debate.last_seq,
    }


def forget(debate_id: int) -> None:
    for slug in [slug for slug, (_t, debate, _s) in _kept.items() if debate.pk == debate_id]:
        _kept.pop(slug, None)
