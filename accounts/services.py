"""Account services: profile changes, data export and deletion."""

from importlib import import_module
from importlib.util import find_spec
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core.errors import InvalidInput
from core.permissions import require


def profile_update(
    *,
    actor: User,
    user: User,
    display_name: str,
    preferred_language: str,
    age_band: str = "",
    age_band_consent: bool = False,
) -> User:
    """Change the public profile. An age band is kept only with the explicit consent."""
    require(actor, "accounts.change_profile", user)
    display_name = display_name.strip()
    if not display_name:
        raise InvalidInput(code="DISPLAY_NAME_REQUIRED")
    if preferred_language not in dict(settings.LANGUAGES):
        raise InvalidInput(code="UNKNOWN_LANGUAGE")
    if age_band and age_band not in User.AgeBand.values:
        raise InvalidInput(code="UNKNOWN_AGE_BAND")
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        user.display_name = display_name
        user.preferred_language = preferred_language
        if age_band and age_band_consent:
            user.age_band = age_band
            user.age_band_consent_at = user.age_band_consent_at or timezone.now()
        else:
            user.age_band = ""
            user.age_band_consent_at = None
        user.save(update_fields=["display_name", "preferred_language", "age_band", "age_band_consent_at"])
    return user


def language_choose(*, user: User, language: str) -> None:
    """The person switched the site to ``language``: it becomes their profile's language, the
    one of their e-mails and of their next visit (docs/i18n.md)."""
    if language not in dict(settings.LANGUAGES):
        raise InvalidInput(code="UNKNOWN_LANGUAGE")
    if user.preferred_language != language:
        User.objects.filter(pk=user.pk).update(preferred_language=language)
        user.preferred_language = language


def _app_privacy_modules():
    for app in settings.PROJECT_APPS:
        if app != "accounts" and find_spec(f"{app}.privacy"):
            yield app, import_module(f"{app}.privacy")


def account_export(*, actor: User, user: User) -> dict[str, Any]:
    """Everything the platform holds about ``user``, as JSON-ready data. Nobody else's data:
    each app's ``privacy.export_user_data`` returns only what the user wrote or owns."""
    require(actor, "accounts.export_data", user)
    data: dict[str, Any] = {
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "preferred_language": user.preferred_language,
            "age_band": user.age_band or None,
            "age_band_consent_at": user.age_band_consent_at.isoformat() if user.age_band_consent_at else None,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "roles": sorted(user.groups.values_list("name", flat=True)),
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "memberships": [
            {"organisation": m.organisation.name, "kind": m.organisation.kind, "role": m.role}
            for m in user.memberships.select_related("organisation").order_by("pk")
        ],
    }
    for app, module in _app_privacy_modules():
        if hasattr(module, "export_user_data"):
            data[app] = module.export_user_data(user=user)
    return data


def account_delete(*, actor: User, user: User) -> None:
    """Delete an account for good while keeping what it wrote in public.

    The row stays so that messages, comments and timeline events keep their author, but every
    piece of personal data is erased: they then read "participant supprimé". Each app's
    ``privacy.erase_user_data`` removes what is personal and not part of a public record.
    """
    require(actor, "accounts.delete_account", user)
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        for _app, module in _app_privacy_modules():
            if hasattr(module, "erase_user_data"):
                module.erase_user_data(user=user)
        EmailAddress.objects.filter(user=user).delete()
        user.memberships.all().delete()
        user.groups.clear()
        user.user_permissions.clear()
        from allauth.mfa.models import Authenticator

        Authenticator.objects.filter(user=user).delete()
        user.email = User.anonymous_email()
        user.display_name = ""
        user.age_band = ""
        user.age_band_consent_at = None
        user.is_active = False
        user.is_staff = False
        user.is_superuser = False
        user.deleted_at = timezone.now()
        # A new password hash invalidates every open session of the account (Django checks the
        # session's auth hash on each request), so nobody stays logged in as it.
        user.set_unusable_password()
        user.save()
