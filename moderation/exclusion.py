"""How an exclusion from a debate is stored: the participation's mute lasts until a date no
time-boxed mute reaches, so that every gate that stops a muted participant (posting, raising a
hand, getting the floor) stops an excluded one too. Only a person excludes; an upheld appeal
lifts it. Kept free of imports so that the rooms' posting gates can read it."""

from __future__ import annotations

from datetime import datetime, timezone

EXCLUSION_MARK = datetime(2999, 1, 1, tzinfo=timezone.utc)  # noqa: UP017


def is_exclusion(muted_until: datetime | None) -> bool:
    return bool(muted_until and muted_until >= EXCLUSION_MARK)
