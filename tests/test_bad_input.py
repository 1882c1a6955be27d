"""No address of the site answers 500 to malformed input: huge or non-numeric ids, huge offsets
and page numbers, bad ``next`` values, NUL bytes and lone surrogates in query strings and bodies.
Every route of the URL configuration is requested, as a visitor and as a superuser, with the
demo content loaded so that the views go past their first lookup."""

import io
import re

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

HUGE = "99999999999999999999999"
# Query strings every GET route receives: the parameters the site's views and Wagtail's API read.
QUERIES = [
    "",
    f"?page={HUGE}&offset={HUGE}&limit={HUGE}&annee={HUGE}&year={HUGE}&id={HUGE}&child_of={HUGE}&statut=x&next=abc",
    "?q=%00&page=%ED%A0%80&next=%00&search=%ED%A0%80&fields=%00&order=%00&annee=abc&type=%ED%A0%80",
]
# Bodies every route receives by POST (urlencoded).
SURROGATE = "\ud800".encode("utf-8", "surrogatepass").decode("latin-1")
BODIES = [
    {"next": "abc", "action": "x", "message": HUGE, "user_id": HUGE, "target": HUGE, "minutes": HUGE, "id": "abc"},
    {"next": "https://evil.example/", "body": "a\x00b", "title": "\x00", "reason": "\x00", "client_id": SURROGATE},
]
# Extra addresses beside the generated ones: the cases of the report that opened this test.
EXTRA = [
    f"/api/v2/pages/?offset={HUGE}",
    f"/api/v2/pages/?limit={HUGE}",
    f"/api/v2/pages/{HUGE}/",
    "/api/v2/pages/abc/",
    f"/moderation/recours/message/{HUGE}/",
    "/moderation/recours/message/abc/",
    f"/pactes/{HUGE}/versions/{HUGE}.pdf",
    f"/{HUGE}/",
    "/%00/",
    "/debats/%ED%A0%80/",
    "/recherche/?q=%00",
    "/recherche/?q=%ED%A0%80",
]
CONVERTER_VALUES = {"int": [HUGE, "0"], "slug": ["x" * 300, "inconnu"], "str": ["%00", "%ED%A0%80"], "path": ["a/b"]}


def _routes(resolver=None, prefix="") -> list[str]:
    """Every route of the URL configuration as a pattern string, e.g. ``pactes/<int:pk>/``."""
    resolver = resolver or get_resolver()
    routes = []
    for entry in resolver.url_patterns:
        pattern = str(entry.pattern)
        if isinstance(entry, URLResolver):
            routes += _routes(entry, prefix + pattern)
        elif isinstance(entry, URLPattern):
            routes.append(prefix + pattern)
    return routes


def _addresses() -> list[str]:
    addresses = set(EXTRA)
    for route in _routes():
        if route.startswith(("admin/", "django-admin/", "^", "__debug__")) or "(?P" in route:
            continue  # the admins have their own error handling; regular expressions are Wagtail's internals
        converters = re.findall(r"<(?:(\w+):)?\w+>", route)
        for variant in range(2):
            address = route
            for converter in converters:
                values = CONVERTER_VALUES.get(converter or "str", ["x"])
                address = re.sub(r"<(?:\w+:)?\w+>", values[min(variant, len(values) - 1)], address, count=1)
            addresses.add("/" + address.lstrip("/"))
    return sorted(addresses)


@pytest.fixture
def demo(db):
    call_command("load_demo", force=True, stdout=io.StringIO())


# Addresses that end the session or the account: requested, but never with a logged-in client.
SESSION_ENDING = {"/accounts/logout/", "/compte/supprimer/"}


def _failures(client: Client, *, user=None) -> list[str]:
    failures = []
    for address in _addresses():
        if user is not None:
            if address in SESSION_ENDING:
                continue
            client.force_login(user)
        for query in QUERIES:
            url = address + (query if "?" not in address else query.replace("?", "&", 1))
            status = client.get(url).status_code
            if status >= 500:
                failures.append(f"GET {url[:160]} -> {status}")
        for body in BODIES:
            status = client.post(address, body).status_code
            if status >= 500:
                failures.append(f"POST {address} {sorted(body)} -> {status}")
    return failures


# Some 1,400 requests: on a busy machine with PostgreSQL they may take longer than the suite's
# default guard against hung tests, which is not what this test is about.
@pytest.mark.timeout(1200)
def test_every_address_given_malformed_input_answers_without_a_server_error(demo, make_user):
    client = Client(raise_request_exception=False)
    failures = _failures(client)
    # A superuser goes past every permission check, into the deepest code of each view.
    failures += _failures(client, user=make_user(superuser=True, display_name="Administration"))
    assert not failures, "\n".join(failures)
