"""Addresses built from what the visitor sends: ids in paths and ``next`` targets."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme

# The largest primary key the databases store (a signed 64-bit integer).
MAX_ID = 2**63 - 1


class IdConverter:
    """``<id:pk>``: a database id. A number no column can hold matches no route (404) instead of
    reaching the database, which would refuse it with an error."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            raise ValueError("id out of range")  # Django tries the next route, then answers 404
        return number

    def to_url(self, value) -> str:
        return str(value)


def safe_next(request: HttpRequest, value: str | None, *, fallback: str) -> str:
    """``value`` when it is a path on this site, otherwise ``fallback`` (a URL).

    Only a path starting with ``/`` is kept: a bare word would be taken by ``redirect()`` for a
    view name, another host would make the site an open redirect.
    """
    if (
        value
        and value.startswith("/")
        and "\x00" not in value
        and url_has_allowed_host_and_scheme(
            value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return value
    return fallback
