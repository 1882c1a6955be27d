"""The hall screen of a hybrid session: what a projector in the meeting hall shows."""

from __future__ import annotations

import io

import segno
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# How many of the latest messages the screen shows: readable from the back of a hall.
LAST_MESSAGES = 6


def join_qr_svg(url: str, *, title: str) -> SafeString:
    """An inline SVG QR code for ``url``, made here: no outside service learns who joins."""
    out = io.BytesIO()
    segno.make(url, error="m").save(
        out, kind="svg", xmldecl=False, svgns=True, scale=8, border=2, svgclass="hall-qr__code", omitsize=True
    )
    # segno writes the matrix's path only; the one text that goes in is escaped here.
    svg = out.getvalue().decode().replace("<svg ", f'<svg role="img" aria-label="{escape(title)}" ', 1)
    return mark_safe(svg)
