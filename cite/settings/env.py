"""The one place where configuration is read from the environment (12-factor).

Every setting module imports its values from here; nothing else reads ``os.environ``.
"""

import os
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured


def text(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return default if value in (None, "") else value


def boolean(name: str, default: bool = False) -> bool:
    value = text(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def integer(name: str, default: int) -> int:
    value = text(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}.") from exc


def listing(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in (text(name, default) or "").split(",") if item.strip()]


def email_settings(url: str | None) -> dict:
    """Django e-mail settings from ``EMAIL_URL`` (``smtp://user:pass@host:587?tls=1``)."""
    if not url:
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    parts = urlsplit(url)
    if parts.scheme not in {"smtp", "smtps"}:
        raise ImproperlyConfigured("EMAIL_URL must start with smtp:// or smtps://.")
    query = parse_qs(parts.query)
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or (465 if parts.scheme == "smtps" else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": parts.scheme == "smtps",
        "EMAIL_USE_TLS": query.get("tls", ["0"])[0] in {"1", "true"},
    }


SETTINGS_MODULE = text("DJANGO_SETTINGS_MODULE", "cite.settings.dev")
SECRET_KEY = text("SECRET_KEY")
DEBUG = boolean("DEBUG", False)
ALLOWED_HOSTS = listing("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = listing("CSRF_TRUSTED_ORIGINS")
DATABASE_URL = text("DATABASE_URL")
DATABASE_NAME = text("DATABASE_NAME")  # overrides the name (test runs in another process)
SQLITE_PATH = text("SQLITE_PATH")
REDIS_URL = text("REDIS_URL")
CELERY_BROKER_URL = text("CELERY_BROKER_URL", REDIS_URL)
EMAIL_URL = text("EMAIL_URL")
DEFAULT_FROM_EMAIL = text("DEFAULT_FROM_EMAIL", "Ville du lien <ne-pas-repondre@ville-du-lien.example>")
SITE_NAME = text("SITE_NAME", "Ville du lien")
SITE_URL = text("SITE_URL", "http://127.0.0.1:8000")
CITY_NAME = text("CITY_NAME", "Ville de démonstration")
# Open data (docs/open-data.md): who publishes it and under which licence.
CITY_INSEE_CODE = text("CITY_INSEE_CODE", "")
CITY_SIREN = text("CITY_SIREN", "")
OPEN_DATA_LICENCE_NAME = text("OPEN_DATA_LICENCE_NAME", "etalab-2.0")
OPEN_DATA_LICENCE_TITLE = text("OPEN_DATA_LICENCE_TITLE", "Licence Ouverte / Open Licence version 2.0")
OPEN_DATA_LICENCE_URL = text("OPEN_DATA_LICENCE_URL", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/")
OPEN_DATA_CONTACT_EMAIL = text("OPEN_DATA_CONTACT_EMAIL", "")
MEDIA_ROOT = text("MEDIA_ROOT")
STATIC_ROOT = text("STATIC_ROOT")
MFA_REQUIRED_FOR_STAFF = boolean("MFA_REQUIRED_FOR_STAFF", False)
DEMO_PASSWORD = text("DEMO_PASSWORD", "demo-ville-du-lien")
SECURE_SSL_REDIRECT = boolean("SECURE_SSL_REDIRECT", True)
HSTS_SECONDS = integer("HSTS_SECONDS", 31536000)
LOG_LEVEL = text("LOG_LEVEL", "INFO")
# Who is told when something needs an administrator (the pact journal's periodic check):
# comma-separated e-mail addresses.
ADMINS = listing("ADMINS")
# Pact maps: the base-map tile URL template and its attribution; the geocoder behind the
# address search of the commons forms ("offline" or "api-adresse").
MAP_TILES_URL = text("MAP_TILES_URL", "")
MAP_TILES_ATTRIBUTION = text("MAP_TILES_ATTRIBUTION", "")
GEOCODER = text("GEOCODER", "offline")
GEOCODER_CITYCODE = text("GEOCODER_CITYCODE", "")
NEIGHBOURHOODS_GEOJSON = text("NEIGHBOURHOODS_GEOJSON", "")
# Tests only: a daphne process started by the browser tests writes its e-mails here.
EMAIL_FILE_PATH = text("EMAIL_FILE_PATH")
# A text classifier for the moderation pipeline's "classifier" step (dotted path of a class with
# score(text, lang)); empty: the step does nothing.
MODERATION_CLASSIFIER = text("MODERATION_CLASSIFIER", "")
