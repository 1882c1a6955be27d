"""Charts drawn on the server as plain SVG: horizontal bars and a line, no script, no external
service. Each chart is an image (``role="img"``) named by its ``<title>`` and described by its
``<desc>``, which states every value; the page shows the same figures as a table beside it.
Series are told apart by patterns and a legend, never by colour alone, and each bar and point
carries its value as text.

The markup uses SVG presentation attributes, no ``style``: the Content-Security-Policy of the
site forbids inline styles.
"""

from __future__ import annotations

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

WIDTH = 640
LABEL_WIDTH = 200
VALUE_WIDTH = 70
BAR_HEIGHT = 18
GROUP_GAP = 12
FONT = 'font-family="system-ui, sans-serif" font-size="13"'
INK = "#1f2933"
# One fill per series: solid, hatched, dotted; dark enough for a 3:1 contrast on white.
PATTERNS = [
    ("solid", ""),
    (
        "hatch",
        '<pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="6" height="6" fill="#ffffff"/><rect width="3" height="6" fill="#8a3b12"/></pattern>',
    ),
    (
        "dots",
        '<pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse">'
        '<rect width="6" height="6" fill="#ffffff"/><circle cx="3" cy="3" r="2" fill="#2f6b3a"/></pattern>',
    ),
]
SOLID = "#1d4e89"


def _fills(chart_id: str, count: int) -> tuple[str, list[str]]:
    defs, fills = [], []
    for index in range(count):
        name, pattern = PATTERNS[index % len(PATTERNS)]
        if not pattern:
            fills.append(SOLID)
            continue
        pattern_id = f"{chart_id}-{name}"
        defs.append(pattern.format(id=pattern_id))
        fills.append(f"url(#{pattern_id})")
    return "".join(defs), fills


def _number(value) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def _frame(*, chart_id: str, title: str, desc: str, height: int, body: str) -> SafeString:
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{id}" role="img" viewBox="0 0 {w} {h}" '
        'width="100%" preserveAspectRatio="xMinYMin meet" aria-labelledby="{id}-title {id}-desc">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{body}</svg>',
        id=chart_id,
        w=WIDTH,
        h=height,
        title=title,
        desc=desc,
        body=mark_safe(body),
    )


def _text(x: float, y: float, text: str, *, anchor: str = "start") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{INK}" {FONT}>{escape(text)}</text>'


def _line(x1: float, y1: float, x2: float, y2: float) -> str:
    return f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{INK}" stroke-width="1"/>'


def _legend(series: list[str], fills: list[str]) -> tuple[str, int]:
    """The legend above the bars, wrapped on as many lines as it needs; returns it and its height."""
    parts, x, y = [], 0, 4
    for name, fill in zip(series, fills, strict=False):
        width = 30 + 8 * len(name)
        if x and x + width > WIDTH:
            x, y = 0, y + 20
        parts.append(
            f'<rect x="{x}" y="{y}" width="14" height="14" fill="{fill}" stroke="{INK}" stroke-width="1"/>'
            + _text(x + 20, y + 12, name)
        )
        x += width
    return "".join(parts), y + 24


def bar_chart(
    *, chart_id: str, title: str, desc: str, series: list[str], rows: list[tuple[str, list, list[str]]]
) -> SafeString:
    """Horizontal bars: ``rows`` are ``(label, raw values, values as text)``, one value per
    series. A missing value (``None``) draws no bar and writes its text (e.g. "fewer than 5")."""
    defs, fills = _fills(chart_id, len(series))
    legend, top = _legend(series, fills) if len(series) > 1 else ("", 4)
    group = len(series) * BAR_HEIGHT + GROUP_GAP
    height = top + max(1, len(rows)) * group + 4
    highest = max((_number(value) for _label, values, _texts in rows for value in values), default=0) or 1
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    parts = [f"<defs>{defs}</defs>" if defs else "", legend]
    for index, (label, values, texts) in enumerate(rows):
        y = top + index * group
        middle = y + len(series) * BAR_HEIGHT / 2 + 4
        parts.append(_text(LABEL_WIDTH - 8, middle, label, anchor="end"))
        for position, (value, text, fill) in enumerate(zip(values, texts, fills, strict=False)):
            bar_y = y + position * BAR_HEIGHT
            length = round(span * _number(value) / highest)
            if length:
                parts.append(
                    f'<rect x="{LABEL_WIDTH}" y="{bar_y + 2}" width="{length}" height="{BAR_HEIGHT - 4}" '
                    f'fill="{fill}" stroke="{INK}" stroke-width="1"/>'
                )
            parts.append(_text(LABEL_WIDTH + length + 6, bar_y + BAR_HEIGHT - 5, text))
    parts.append(_line(LABEL_WIDTH, top - 2, LABEL_WIDTH, height - 4))
    return _frame(chart_id=chart_id, title=title, desc=desc, height=height, body="".join(parts))


def line_chart(
    *, chart_id: str, title: str, desc: str, rows: list[tuple[str, list, list[str]]], ticks: list[str]
) -> SafeString:
    """One series as a line over ordered points (months), each point labelled with its value and
    its short name (``ticks``) under the axis."""
    height, left, right, top, bottom = 240, 40, 20, 24, 40
    values = [_number(values[0]) for _label, values, _texts in rows]
    highest = max(values, default=0) or 1
    step = (WIDTH - left - right) / max(1, len(rows) - 1)
    plot = height - top - bottom

    def point(index: int, value: float) -> tuple[float, float]:
        return left + index * step, top + plot - plot * value / highest

    points = [point(index, value) for index, value in enumerate(values)]
    parts = [
        _line(left, top + plot, WIDTH - right, top + plot),
        f'<polyline points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in points)}" fill="none" '
        f'stroke="{SOLID}" stroke-width="2"/>',
    ]
    for (x, y), (_label, _values, texts), tick in zip(points, rows, ticks, strict=False):
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{SOLID}"/>'
            + _text(x, y - 8, texts[0], anchor="middle")
            + _text(x, top + plot + 18, tick, anchor="middle")
        )
    return _frame(chart_id=chart_id, title=title, desc=desc, height=height, body="".join(parts))


def describe(series: list[str], rows: list[tuple[str, list, list[str]]]) -> str:
    """The text alternative: every value, in words a screen reader reads out."""
    if len(series) == 1:
        return "; ".join(f"{label}: {texts[0]}" for label, _values, texts in rows) + "."
    return (
        "; ".join(
            f"{label}: " + ", ".join(f"{name} {text}" for name, text in zip(series, texts, strict=False))
            for label, _values, texts in rows
        )
        + "."
    )


def render(figure, *, chart_id: str) -> SafeString:
    """The chart of a figure (``evaluation.indicators.Figure``), or an empty string for a figure
    shown as key figures only."""
    rows = [
        (label, values, texts)
        for (label, texts), (_code, *values) in zip(figure.labelled_rows(), figure.rows, strict=True)
    ]
    if figure.chart_kind in ("", "table") or not rows:
        return SafeString("")
    desc = describe(figure.series, rows)
    if figure.chart_kind == "line":
        ticks = [figure.spec.short_label(code) for code, *_values in figure.rows]
        return line_chart(chart_id=chart_id, title=figure.title, desc=desc, rows=rows, ticks=ticks)
    return bar_chart(chart_id=chart_id, title=figure.title, desc=desc, series=figure.series, rows=rows)


def present(figure, *, prefix: str) -> dict:
    """What the figure template shows: the figure, its chart, its rows as text and an id."""
    figure_id = f"{prefix}-{figure.key}" + (f"-{figure.engagement}" if figure.engagement else "")
    return {
        "figure": figure,
        "id": figure_id,
        "chart": render(figure, chart_id=f"{figure_id}-chart"),
        "rows": figure.labelled_rows(),
    }
