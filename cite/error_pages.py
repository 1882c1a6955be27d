"""The site's own error pages, and the 503 answered while the database is unreachable.

400, 403 and 404 are full pages of the site (the database answers, the header and menus can be
drawn). 500 and 503 are minimal pages rendered without the request: no context processor, no
session or user lookup, nothing that could fail again for the reason the first thing failed.
"""

import sys

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

# Errors meaning "the database cannot be reached now" (refused connection, unreadable file,
# lost connection, locked database), as opposed to a fault of the code.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def _page(request, *, status: int, title: str, message: str) -> HttpResponse:
    return render(request, "errors/page.html", {"title": title, "message": message}, status=status)


def _minimal(*, status: int, title: str, message: str) -> HttpResponse:
    context = {"title": title, "message": message, "site_name": settings.SITE_NAME, "city_name": settings.CITY_NAME}
    return HttpResponse(render_to_string("errors/minimal.html", context), status=status)


def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    return _page(
        request, status=400, title=_("Bad request"), message=_("The address or the form sent could not be understood.")
    )


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    return _page(request, status=403, title=_("Access denied"), message=_("You may not see this page."))


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return _page(
        request,
        status=404,
        title=_("Page not found"),
        message=_("This page does not exist or no longer exists. Check the address or start again from the home page."),
    )


def server_error(request: HttpRequest) -> HttpResponse:
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return service_unavailable()
    return _minimal(
        status=500,
        title=_("Server error"),
        message=_("Something went wrong on our side. The team has been told; please try again later."),
    )


def service_unavailable() -> HttpResponse:
    response = _minimal(
        status=503,
        title=_("Service temporarily unavailable"),
        message=_("The site cannot answer right now. Please try again in a few minutes."),
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    # Answered outside the middlewares that add these to every other page.
    response["Content-Security-Policy"] = "default-src 'self'; frame-ancestors 'none'"
    response["X-Frame-Options"] = "DENY"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _mark_database_unavailable(sender, request=None, **kwargs):
    # Sent while Django handles an exception raised anywhere below the middleware that follows.
    if request is not None and isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        request.database_unavailable = True


got_request_exception.connect(_mark_database_unavailable, dispatch_uid="cite_database_unavailable")


class DatabaseUnavailableMiddleware:
    """First of the chain: a database that refuses connections gives a 503 page, not a 500.

    Django turns an exception raised in any middleware or view into a response before it reaches
    the outer middlewares (a traceback page with DEBUG on); the signal above marks the request,
    and this middleware answers the 503 page instead, with DEBUG on or off. ``/healthz`` is
    answered here, before sessions, users and languages are looked up, so that a probe gets its
    503 whatever cookies it carries.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz":
            from cite.health import healthz

            return healthz(request)
        response = self.get_response(request)
        if getattr(request, "database_unavailable", False):
            return service_unavailable()
        return response
