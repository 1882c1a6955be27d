"""The one way the site writes CSV: spreadsheet-safe cells, UTF-8 with a byte-order mark, ISO 8601
dates, ``\\r\\n`` line ends, and an empty cell for "not known" (docs/open-data.md).

Every open-data CSV goes through ``csv_lines`` so that no export forgets a rule. A cell whose
text begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is one a spreadsheet
would run as a formula (OWASP, "CSV injection"): it gets a leading apostrophe, which
spreadsheets show as text and never evaluate. Numbers are written as numbers (``-1.55`` is a
longitude, not a formula), so only text is ever changed.
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone

BOM = "\ufeff"
# OWASP's list, plus the line feed: a cell starting with a line break hides its first line.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def iso(value: datetime.date | None) -> str | None:
    """ISO 8601 as every open-data file writes it: a date ``2027-01-31``; an instant to the
    second in the city's time with its offset, ``2027-01-31T18:30:00+01:00`` (Table Schema
    format ``%Y-%m-%dT%H:%M:%S%z``); ``None`` stays ``None``."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(microsecond=0).isoformat()
    return value.isoformat()


def safe_cell(value) -> str | int | float | Decimal:
    """One value as a CSV cell: ``None`` empty, dates ISO 8601, booleans ``true``/``false``, text
    that a spreadsheet would evaluate neutralised with a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, datetime.date):
        return iso(value)
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class _Echo:
    """A file-like object whose ``write`` returns the line, for ``csv.writer`` in a stream."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: Sequence[str], rows: Iterable[Sequence | dict]) -> Iterator[str]:
    """The CSV text line by line: a byte-order mark, the header, then each row (a sequence in
    the header's order, or a dict keyed by it)."""
    writer = csv.writer(_Echo(), lineterminator="\r\n")
    yield BOM + writer.writerow([safe_cell(name) for name in header])
    for row in rows:
        values = [row.get(name) for name in header] if isinstance(row, dict) else row
        yield writer.writerow([safe_cell(value) for value in values])


def csv_response(
    header: Sequence[str], rows: Iterable[Sequence | dict], *, filename: str, stream: bool = False
) -> HttpResponse | StreamingHttpResponse:
    """A CSV download, open to any site (open data). Streamed for large files; otherwise whole,
    so that ``conditional_page`` can give it an ETag and answer ``304 Not Modified``."""
    lines = csv_lines(header, rows)
    content_type = "text/csv; charset=utf-8"
    response = (
        StreamingHttpResponse(lines, content_type=content_type)
        if stream
        else HttpResponse("".join(lines), content_type=content_type)
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response
