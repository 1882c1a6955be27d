from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header

from accounts.predicates import has_staff_role
from accounts.services import language_choose

# Paths outside ``i18n_patterns`` (cite/urls.py): the admins, probes, files, the sockets and the
# machine-read indexes. They have no language in their URL.
UNPREFIXED_PATHS = (
    "/admin/",
    "/django-admin/",
    "/healthz",
    "/i18n/",
    "/static/",
    "/media/",
    "/documents/",
    "/robots.txt",
    "/sitemap",
    "/ws/",
    "/api/",
)
# Pages read by programs rather than people: never redirected to another language.
MACHINE_READ_SUFFIXES = (".xml", ".json", ".csv", ".pdf", ".png", ".ics", ".txt", ".zip", ".geojson")


def _same_site_referer(request) -> bool:
    referer = request.headers.get("Referer", "")
    if not referer:
        return False
    return urlsplit(referer).netloc == request.get_host()


def _referer_language(request) -> str | None:
    """The language of the same-site page the person comes from, or None."""
    if not _same_site_referer(request):
        return None
    path = urlsplit(request.headers["Referer"]).path
    if path.startswith(UNPREFIXED_PATHS):
        return None
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


def _accept_language(request) -> str | None:
    """The first of the browser's languages the site speaks, or None."""
    header = request.headers.get("Accept-Language", "")
    for code, _quality in parse_accept_lang_header(header):
        if code == "*":
            break
        base = code.split("-")[0].lower()
        if base in dict(settings.LANGUAGES):
            return base
    return None


class SiteLanguageMiddleware:
    """The language is in the URL: French at the root, English under ``/en/`` (docs/i18n.md).

    - ``/en/…`` is English, every other page of ``i18n_patterns`` French; ``/fr/…`` redirects to
      the same path without the prefix.
    - Someone who arrives from elsewhere (no same-site Referer) on a French page is sent to the
      English one when that is their choice: the profile's language when logged in, else the
      language cookie, else — on the first visit only — the browser's Accept-Language.
    - The cookie records the language of the first page read, and then the language the person
      switches to (a page reached from a page of the site in the other language), so the choice
      wins over Accept-Language on the next visit; a shared link in the other language is
      served as it is and changes nothing. A logged-in person's switch also becomes their
      profile's language (``accounts.services.language_choose``).
    - Paths outside ``i18n_patterns`` (admin, probes, files) keep the profile or cookie language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        languages = dict(settings.LANGUAGES)
        default = settings.LANGUAGE_CODE
        prefixed = translation.get_language_from_path(path)
        inside = not path.startswith(UNPREFIXED_PATHS)
        cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        cookie = cookie if cookie in languages else None
        safe = request.method in {"GET", "HEAD"}

        if prefixed == default and inside and safe:
            return HttpResponsePermanentRedirect(_with_query(request, path[len(default) + 1 :]))
        if prefixed:
            language = prefixed
        elif inside:
            language = default
            if safe and not _same_site_referer(request) and not self._machine_read(path):
                wanted = self._choice(request, cookie) or _accept_language(request) or default
                if wanted != default:
                    response = redirect(_with_query(request, f"/{wanted}{path}"))
                    _remember(response, wanted, cookie)
                    patch_vary_headers(response, ("Accept-Language", "Cookie"))
                    return response
        else:
            language = self._choice(request, cookie) or default
        # The choice is recorded on the first visit, and when the person goes from a page in one
        # language to the same site in the other (the language switch).
        switched = _referer_language(request) not in {None, language}
        chosen = language if inside and safe and (cookie is None or switched) else None

        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        if inside and not prefixed:
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        if chosen and response.status_code < 400:
            _remember(response, chosen, cookie)
            user = getattr(request, "user", None)
            if switched and user is not None and user.is_authenticated:
                language_choose(user=user, language=chosen)
        return response

    @staticmethod
    def _machine_read(path: str) -> bool:
        return path.endswith(MACHINE_READ_SUFFIXES)

    @staticmethod
    def _choice(request, cookie: str | None) -> str | None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.preferred_language in dict(settings.LANGUAGES):
            return user.preferred_language
        return cookie


def _with_query(request, path: str) -> str:
    query = request.META.get("QUERY_STRING", "")
    return f"{path}?{query}" if query else path


def _remember(response, language: str, cookie: str | None) -> None:
    if language != cookie:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            secure=settings.LANGUAGE_COOKIE_SECURE,
        )


class StaffSecondFactorMiddleware:
    """With MFA_REQUIRED_FOR_STAFF, staff accounts must set up TOTP before anything else."""

    allowed_prefixes = ("/accounts/", "/static/", "/i18n/", "/healthz")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.MFA_REQUIRED_FOR_STAFF and self._must_enrol(request):
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    def _must_enrol(self, request) -> bool:
        user = request.user
        path = request.path
        language = translation.get_language_from_path(path)
        if language:
            path = path[len(language) + 1 :]
        if not user.is_authenticated or path.startswith(self.allowed_prefixes):
            return False
        if not has_staff_role(user):
            return False
        from allauth.mfa.models import Authenticator

        return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
