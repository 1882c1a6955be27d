"""Conditional GET for files built from the database (feeds, exports, calendars, downloads):
``ETag`` and ``Last-Modified`` headers, and ``304 Not Modified`` when the client's copy is
current, so that a subscribed calendar or a harvesting portal polls cheaply.

Small responses use ``conditional_page`` (an ETag hashed from the body). A streamed
export has no body to hash before it is sent: ``conditional`` takes a stamp computed
cheaply from the data instead, and builds the response only when it must."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import http_date, parse_http_date_safe, quote_etag


def conditional(
    request: HttpRequest,
    *,
    etag: str,
    last_modified: datetime.datetime | None,
    build: Callable[[], HttpResponseBase],
) -> HttpResponseBase:
    """``304`` (or ``412``) when the request's validators match ``etag``/``last_modified``,
    otherwise ``build()`` with both validators set."""
    etag = quote_etag(etag)
    timestamp = int(last_modified.timestamp()) if last_modified else None
    response = get_conditional_response(request, etag=etag, last_modified=timestamp)
    if response is None:
        response = build()
    if request.method in ("GET", "HEAD") and response.status_code in (200, 304):
        response.headers.setdefault("ETag", etag)
        if timestamp is not None:
            response.headers.setdefault("Last-Modified", http_date(timestamp))
    return response


def conditional_page(view):
    """Django's ``conditional_page`` for GET *and* HEAD: an ETag hashed from the body (when the
    view sets none), then ``304``/``412`` by the request's validators. Streamed responses pass
    through (see ``conditional``)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.streaming or response.status_code != 200:
            return response
        if not response.has_header("ETag"):
            set_response_etag(response)
        last_modified = response.get("Last-Modified")
        timestamp = parse_http_date_safe(last_modified) if last_modified else None
        return get_conditional_response(request, etag=response["ETag"], last_modified=timestamp, response=response)

    return wrapped


BYTE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def byte_ranges(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
    """Range requests (RFC 9110 §14) on a streamed download, for clients that read a remote file
    in pieces — GDAL's ``/vsicurl/``, how QGIS opens a layer from a URL, asks ``HEAD`` for the
    size and then byte ranges. A plain GET still streams; ``HEAD`` and a ``Range`` request get
    the file built whole, with its ``Content-Length``. One range only; several, or a range that
    does not parse, get the whole file (which the RFC allows)."""
    response.headers["Accept-Ranges"] = "bytes"
    wanted = request.headers.get("Range", "").strip()
    if response.status_code != 200 or (request.method != "HEAD" and not wanted):
        return response
    body = b"".join(response.streaming_content) if response.streaming else response.content
    whole = _copy(response, HttpResponse(body))
    whole["Content-Length"] = str(len(body))
    if_range = request.headers.get("If-Range")
    match = BYTE_RANGE.match(wanted)
    if request.method == "HEAD" or not match or not any(match.groups()) or (if_range and if_range != whole.get("ETag")):
        return whole
    size = len(body)
    first, last = match.groups()
    start, end = (int(first), int(last) if last else size - 1) if first else (max(0, size - int(last)), size - 1)
    end = min(end, size - 1)
    if start >= size or start > end:
        refused = _copy(response, HttpResponse(status=416))
        refused["Content-Range"] = f"bytes */{size}"
        return refused
    part = _copy(response, HttpResponse(body[start : end + 1], status=206))
    part["Content-Range"] = f"bytes {start}-{end}/{size}"
    return part


def _copy(source: HttpResponseBase, target: HttpResponse) -> HttpResponse:
    for name, value in source.headers.items():
        if name.lower() != "content-length":
            target.headers[name] = value
    return target
