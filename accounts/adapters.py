from types import SimpleNamespace
from urllib.parse import urlencode, urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import get_next_redirect_url
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        extra = getattr(form, "cleaned_data", {})
        user.display_name = extra.get("display_name", "").strip()
        user.preferred_language = (get_language() or "fr")[:2]
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix, email, context):
        # allauth's e-mails speak as ``current_site``, which it reads from the Sites framework or,
        # without it, from the request's host ("Hello from 127.0.0.1:8000!"): the site speaks with
        # its own name and public address instead.
        site = SimpleNamespace(name=settings.SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc)
        super().send_mail(template_prefix, email, {**context, "current_site": site})

    def post_login(self, request, user, **kwargs):
        """After logging in, the page asked for in the account's language: the profile's choice
        wins (docs/i18n.md), as it does on the next visit."""
        response = super().post_login(request, user, **kwargs)
        location = response.get("Location", "")
        language = getattr(user, "preferred_language", "")
        if language in dict(settings.LANGUAGES) and location.startswith("/") and not location.startswith("//"):
            response["Location"] = translate_url(location, language)
        return response

    def get_email_confirmation_url(self, request, emailconfirmation):
        """The confirmation link keeps the page the resident signed up from (``next``), so that
        confirming the address brings them back to the debate or pact they were joining."""
        url = super().get_email_confirmation_url(request, emailconfirmation)
        target = get_next_redirect_url(request) if request is not None else None
        if target and target.startswith("/"):
            url += "?" + urlencode({"next": target})
        return url
