"""Checks the pact services use beside the permission (``core.permissions.require``): flood
limits, plain-text cleaning."""

import re
from datetime import timedelta

from django.utils import timezone

from core.errors import InvalidInput


def check_rate(queryset, *, limit: int, window: timedelta, message) -> None:
    """Refuse when ``queryset`` (the actor's recent items) already holds ``limit`` items."""
    if queryset.filter(created_at__gte=timezone.now() - window).count() >= limit:
        raise InvalidInput(message, code="RATE_LIMITED", retry_after=int(window.total_seconds()))


def clean_text(value: str) -> str:
    # Clauses are plain text: one kind of line break, no trailing spaces, no control characters.
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    value = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", value)
    return "\n".join(line.rstrip() for line in value.split("\n")).strip()
