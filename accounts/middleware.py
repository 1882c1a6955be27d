from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation

from accounts.predicates import has_staff_role


class SiteLanguageMiddleware(LocaleMiddleware):
    """French unless the visitor chose another language with the switch (a cookie).

    The browser's Accept-Language is not followed: the city's own pages are written in French,
    and a page half in English, half in French serves nobody.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class UserLanguageMiddleware:
    """A logged-in user's preferred language wins unless they chose one with the switch."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if user.is_authenticated and not chosen and user.preferred_language:
            translation.activate(user.preferred_language)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)


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
        if not user.is_authenticated or request.path.startswith(self.allowed_prefixes):
            return False
        if not has_staff_role(user):
            return False
        from allauth.mfa.models import Authenticator

        return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
