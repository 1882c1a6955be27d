"""The WebSocket ``Origin`` check: the page that opens a socket must be one of the site's own
origins, compared in full (scheme, host and port), not only by host name.

Allowed: the origin the socket's own request names (``Host`` header, with ``https`` when the
connection is secure — ``wss``, or the proxy header of SECURE_PROXY_SSL_HEADER), provided that
host is in ALLOWED_HOSTS; and any origin listed in CSRF_TRUSTED_ORIGINS. Anything else, or no
``Origin`` at all, is refused during the handshake (HTTP 403), before any consumer runs.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from channels.security.websocket import WebsocketDenier
from django.conf import settings
from django.http.request import split_domain_port, validate_host


def _headers(scope) -> dict[str, str]:
    return {name.decode("latin1").lower(): value.decode("latin1") for name, value in scope.get("headers", [])}


def _secure(scope, headers: dict[str, str]) -> bool:
    if scope.get("scheme") == "wss":
        return True
    proxy = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    if proxy:
        name, value = proxy
        header = name.removeprefix("HTTP_").replace("_", "-").lower()
        return headers.get(header, "").split(",")[0].strip() == value
    return False


def _normalise(origin: str) -> str | None:
    try:
        parts = urlsplit(origin.strip().lower())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    port = port or (443 if parts.scheme == "https" else 80)
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return f"{parts.scheme}://{host}:{port}"


def allowed_origins(scope) -> set[str]:
    headers = _headers(scope)
    origins = {o for o in (_normalise(t) for t in settings.CSRF_TRUSTED_ORIGINS) if o}
    host = headers.get("host", "")
    domain, _port = split_domain_port(host)
    if host and domain and validate_host(domain, settings.ALLOWED_HOSTS):
        scheme = "https" if _secure(scope, headers) else "http"
        own = _normalise(f"{scheme}://{host}")
        if own:
            origins.add(own)
    return origins


def origin_allowed(scope) -> bool:
    origin = _headers(scope).get("origin")
    if not origin:
        return False
    normalised = _normalise(origin)
    return normalised is not None and normalised in allowed_origins(scope)


class SameOriginValidator:
    """ASGI middleware: refuses a WebSocket whose Origin is not one of the site's origins."""

    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket" and not origin_allowed(scope):
            denier = WebsocketDenier()
            return await denier(scope, receive, send)
        return await self.application(scope, receive, send)
