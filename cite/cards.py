"""Open Graph images: a PNG card (1200×630, the size link previews expect) with a page's kind,
title and subtitle, drawn on the server with Pillow — no external service sees the page.

The text uses the font the site's ``system-ui`` stack resolves to on the server (DejaVu Sans
on Debian, the image the project ships in), found by path; Pillow's own scalable font is the
fallback so that a card is always drawn."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
BRAND = "#1d5c4d"  # --brand in static/css/site.css
ACCENT = "#b5472d"  # the second ring of the logo
PAPER = "#ffffff"
SOFT = "#f3f5f2"
FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF"]
MAX_TITLE_LINES = 3
MAX_SUBTITLE_LINES = 3


@cache
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        path = Path(folder) / name
        if path.exists():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int, max_lines: int) -> list[str]:
    """Words in lines no wider than ``width``; an ellipsis ends the last line if text is left."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=font) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while " " in last and draw.textlength(last + " …", font=font) > width:
            last = last.rsplit(" ", 1)[0]
        lines[-1] = last + " …"
    return lines


def card_png(*, kind: str, title: str, subtitle: str = "") -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, WIDTH, 18], fill=BRAND)
    draw.rectangle([0, HEIGHT - 110, WIDTH, HEIGHT], fill=SOFT)
    # The logo: two linked rings.
    draw.ellipse([MARGIN, 62, MARGIN + 64, 126], outline=BRAND, width=8)
    draw.ellipse([MARGIN + 40, 62, MARGIN + 104, 126], outline=ACCENT, width=8)
    draw.text((MARGIN + 130, 74), kind.upper(), font=_font(True, 30), fill=ACCENT)
    y = 170
    title_font = _font(True, 58)
    for line in _wrap(draw, title, title_font, WIDTH - 2 * MARGIN, MAX_TITLE_LINES):
        draw.text((MARGIN, y), line, font=title_font, fill="#1b1f24")
        y += 70
    if subtitle:
        y += 16
        subtitle_font = _font(False, 34)
        room = min(MAX_SUBTITLE_LINES, (HEIGHT - 130 - y) // 44)
        for line in _wrap(draw, subtitle, subtitle_font, WIDTH - 2 * MARGIN, room) if room > 0 else []:
            draw.text((MARGIN, y), line, font=subtitle_font, fill="#4a5360")
            y += 44
    footer = f"{settings.SITE_NAME} · {settings.CITY_NAME}"
    draw.text((MARGIN, HEIGHT - 74), footer, font=_font(True, 32), fill=BRAND)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def card_response(*, kind: str, title: str, subtitle: str = "") -> HttpResponse:
    response = HttpResponse(card_png(kind=kind, title=title, subtitle=subtitle), content_type="image/png")
    response["Cache-Control"] = "public, max-age=3600"
    return response
