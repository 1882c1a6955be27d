"""Settings shared by every mode. Values that vary come from ``cite.settings.env``."""

from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from cite.settings import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

SECRET_KEY = env.SECRET_KEY or "insecure-development-key-do-not-use-in-production"
DEBUG = env.DEBUG
ALLOWED_HOSTS = env.ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]
CSRF_TRUSTED_ORIGINS = env.CSRF_TRUSTED_ORIGINS

SITE_NAME = env.SITE_NAME
SITE_URL = env.SITE_URL
CITY_NAME = env.CITY_NAME
CITY_INSEE_CODE = env.CITY_INSEE_CODE
CITY_SIREN = env.CITY_SIREN
OPEN_DATA_LICENCE = {
    "name": env.OPEN_DATA_LICENCE_NAME,
    "title": env.OPEN_DATA_LICENCE_TITLE,
    "path": env.OPEN_DATA_LICENCE_URL,
}
OPEN_DATA_CONTACT_EMAIL = env.OPEN_DATA_CONTACT_EMAIL
WAGTAIL_SITE_NAME = SITE_NAME
WAGTAILADMIN_BASE_URL = SITE_URL

# The project's own apps, in dependency order. Demo data, data export and translations walk
# this list.
PROJECT_APPS = [
    "core",
    "accounts",
    "notifications",
    "programme",
    "facilitation",
    "debates",
    "moderation",
    "pactes",
    "offres",
    "orientation",
    "benevolat",
    "evaluation",
    "cite",
]

INSTALLED_APPS = [
    "daphne",
    *PROJECT_APPS,
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    # Translation of pages and snippets in the admin (segments, status, synchronisation). Its
    # locales app replaces wagtail.locales, as its installation guide asks.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "channels",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First: a database that refuses connections gives the 503 page; /healthz answers here.
    "core.error_pages.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The language of the page: in its URL (i18n_patterns), then the person's choice.
    "accounts.middleware.SiteLanguageMiddleware",
    "accounts.middleware.StaffSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cite.urls"
WSGI_APPLICATION = "cite.wsgi.application"
ASGI_APPLICATION = "cite.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "cite.context_processors.site",
                "notifications.context_processors.bell",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# With DATABASE_URL: PostgreSQL. Without: a SQLite file in WAL mode, so that readers do not wait
# for the writer, with a busy timeout and IMMEDIATE transactions so that concurrent writers
# queue instead of failing with "database is locked".
if env.DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(env.DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env.SQLITE_PATH or str(VAR_DIR / "db.sqlite3"),
            # Keep connections: opening one (connect, pragmas, Django's SQL functions) costs more
            # than most queries, and the live rooms go to the database several times per socket.
            "CONN_MAX_AGE": 600,
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
if env.DATABASE_NAME:
    DATABASES["default"]["NAME"] = env.DATABASE_NAME
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Channel layer, cache, Celery ---------------------------------------------------------------
if env.REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [env.REDIS_URL], "capacity": 1500, "expiry": 30},
        }
    }
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env.REDIS_URL}}
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Frame budgets and the cap on sockets per account, counted across processes (core.shared_limits);
# empty in the embedded mode, where each process counts its own.
SOCKET_LIMITS_REDIS_URL = env.REDIS_URL or ""

CELERY_BROKER_URL = env.CELERY_BROKER_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not env.CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "Europe/Paris"
# Periodic tasks: each app adds its entries to this dict in its own section below.
CELERY_BEAT_SCHEDULE: dict = {}
# /healthz "details": name -> dotted path of a function returning a JSON-able dict. Apps add
# theirs below; a detail reports, it never makes the probe fail.
HEALTH_DETAILS: dict = {}

# --- E-mail -------------------------------------------------------------------------------------
globals().update(env.email_settings(env.EMAIL_URL))
DEFAULT_FROM_EMAIL = env.DEFAULT_FROM_EMAIL
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_SUBJECT_PREFIX = f"[{env.SITE_NAME}] "
ADMINS = [(address, address) for address in env.ADMINS]

# --- Accounts ---------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupExtraForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
# Residents may log in before confirming their address; taking part (posting, proposing,
# signing) is refused until it is verified (accounts.predicates.has_verified_email).
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "10/h/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME
# When true, facilitators, city agents, elected officials, editors and superusers must set up
# a TOTP second factor before using the site (accounts.middleware.StaffSecondFactorMiddleware).
MFA_REQUIRED_FOR_STAFF = env.MFA_REQUIRED_FOR_STAFF
DEMO_PASSWORD = env.DEMO_PASSWORD

SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False  # the room script reads it to post forms
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy: no inline script anywhere on the public site, nothing loaded from
# another origin. The Wagtail and Django admins use inline scripts and are left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# --- Internationalisation ----------------------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "vdl_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
# Content in two languages (docs/i18n.md): French at the root, English under /en/. Each Wagtail
# page lives in a locale; English pages are translations made with wagtail-localize.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = [("fr", "Français"), ("en", "English")]
# A translation starts as a draft, whatever the source's status: it is published only when an
# elected official approves it (the editorial workflow), never when someone starts or syncs it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- Static and media files ---------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.STATIC_ROOT or str(VAR_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.MEDIA_ROOT or str(VAR_DIR / "media")
# The only folders of MEDIA_ROOT served as they are, to anyone: Wagtail's image renditions.
# Everything else (pact attachments, commons and report photos) goes through access-checked views.
PUBLIC_MEDIA_FOLDERS = ("images",)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Wagtail ------------------------------------------------------------------------------------
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "csv", "txt"]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.LOG_LEVEL},
}

# --- cite -------------------------------------------------------------------------------------
# Programme pages. Search: Wagtail's database backend (SQLite FTS5 in the embedded mode); on
# PostgreSQL the same backend uses PostgreSQL's full-text search, with French stemming.
if env.DATABASE_URL:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "french"}}
# Open data: the read-only API v2 (cite/site_urls.py) gives absolute URLs on the public address.
WAGTAILAPI_BASE_URL = SITE_URL
WAGTAILAPI_LIMIT_MAX = 50
WAGTAILAPI_SEARCH_ENABLED = True
# The workflow has one step whose approval publishes the page. Wagtail's re-approval on edit
# would make the official's own "Approve" from the edit screen save a revision and restart the
# task instead of publishing; any later edit of a live page needs a new submission anyway.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = False
WAGTAIL_WORKFLOW_ENABLED = True
# Indicators (engagement 10): the first year the dashboard offers, and the smallest group of
# people a figure may show (a smaller age band is withheld, so that nobody can be recognised).
INDICATORS_FIRST_YEAR = 2024
INDICATORS_MIN_GROUP = 5

# --- notifications ------------------------------------------------------------------------------
# The outbox is swept every minute: e-mails whose wake-up call was lost, and retries after a
# failure (with back-off), go out then. Digests go out at 7:00, the weekly one on Mondays.
CELERY_BEAT_SCHEDULE["notifications-outbox-sweep"] = {
    "task": "notifications.tasks.outbox_sweep",
    "schedule": 60,
}
CELERY_BEAT_SCHEDULE["notifications-daily-digest"] = {
    "task": "notifications.tasks.send_digests",
    "schedule": crontab(hour=7, minute=0),
    "args": ("daily",),
}
CELERY_BEAT_SCHEDULE["notifications-weekly-digest"] = {
    "task": "notifications.tasks.send_digests",
    "schedule": crontab(hour=7, minute=5, day_of_week="mon"),
    "args": ("weekly",),
}

# --- moderation ---------------------------------------------------------------------------------

# --- debates ------------------------------------------------------------------------------------
# Speaking turns (seconds): default, shortest and longest time box a facilitator may give.
DEBATES_FLOOR_SECONDS = 120
DEBATES_FLOOR_MIN_SECONDS = 10
DEBATES_FLOOR_MAX_SECONDS = 900
DEBATES_MAX_MUTE_MINUTES = 24 * 60
# WebSocket limits (docs/protocol.md): frame size, frames per window per connection, heartbeat
# (a ping every N seconds; a socket that leaves pings unanswered for MISSES intervals is closed
# with 4408), slow readers (more live bytes than this not confirmed by a pong: closed with 4429),
# and how many live events wait for the client's first ``resume``.
DEBATES_MAX_FRAME_BYTES = 16 * 1024
DEBATES_RATE_FRAMES = 30
DEBATES_RATE_WINDOW_SECONDS = 10
# Across every socket of one account, and of one address (many residents may share one, behind
# a library's or a school's router; a connection's first resume and its pongs are not counted).
DEBATES_RATE_ACCOUNT_FRAMES = 30
DEBATES_RATE_ADDRESS_FRAMES = 300
DEBATES_MAX_SOCKETS_PER_ACCOUNT = 6
# Answer to an action when the database or the channel layer does not respond.
DEBATES_RETRY_AFTER_SECONDS = 5
DEBATES_HEARTBEAT_SECONDS = 20
DEBATES_HEARTBEAT_MISSES = 2
DEBATES_SLOW_READER_BYTES = 2 * 1024 * 1024
DEBATES_RESUME_BUFFER = 2000
# Followers get an e-mail this many hours before a session starts.
DEBATES_REMINDER_HOURS = 24
CELERY_BEAT_SCHEDULE["debates-session-reminders"] = {
    "task": "debates.tasks.send_session_reminders",
    "schedule": 15 * 60,
}

# --- pactes -------------------------------------------------------------------------------------
# How long a public consultation on a pact lasts unless the city agent chooses another end date.
PACT_CONSULTATION_DAYS = 15
# Attachments and commons photos: images and PDF only, recognised by their content.
PACT_UPLOAD_MAX_BYTES = 5 * 1024 * 1024
PACT_UPLOAD_TYPES = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/webp": "webp",
    "application/pdf": "pdf",
}
# Flood limits: comments a person may post per minute, proposals per day.
PACT_COMMENTS_PER_MINUTE = 5
PACT_PROPOSALS_PER_DAY = 5
CELERY_BEAT_SCHEDULE["pactes-close-due-consultations"] = {
    "task": "pactes.tasks.close_due_consultations",
    "schedule": 15 * 60,
}
CELERY_BEAT_SCHEDULE["pactes-expire-ended-pacts"] = {
    "task": "pactes.tasks.expire_ended_pacts",
    "schedule": 6 * 60 * 60,
}
# Maps (register, pact page, commons): a base-map tile URL template and its attribution, from
# MAP_TILES_URL / MAP_TILES_ATTRIBUTION. docker-compose.yml sets an OpenStreetMap tile server
# (README). Empty: no tiles are requested from anywhere; the maps draw the outline of the city's
# neighbourhoods (PACT_NEIGHBOURHOODS_GEOJSON) under the markers instead. The tile server's
# origin is added to the CSP's img-src below.
PACT_MAP_TILES_URL = env.MAP_TILES_URL or ""
PACT_MAP_TILES_ATTRIBUTION = env.MAP_TILES_ATTRIBUTION or ""
# The outline of the city's neighbourhoods (GeoJSON, WGS 84): drawn on every map, and the offline
# geocoder's neighbourhood centroids. The demo city's by default.
PACT_NEIGHBOURHOODS_GEOJSON = env.NEIGHBOURHOODS_GEOJSON or str(
    BASE_DIR / "pactes" / "data" / "demo-neighbourhoods.geojson"
)
# Where the address search of the commons forms looks: "offline" (coordinates and neighbourhood
# names, nothing leaves the server; the default and the tests') or "api-adresse" (the French
# national address API, api-adresse.data.gouv.fr: the production choice), limited to the city's
# INSEE code when set.
PACT_GEOCODER = env.GEOCODER
if PACT_GEOCODER not in {"offline", "api-adresse"}:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(f"GEOCODER must be 'offline' or 'api-adresse', not {PACT_GEOCODER!r}.")
PACT_GEOCODER_CITYCODE = env.GEOCODER_CITYCODE or ""

# Offers that build ties: owners confirm each offer this often, then it is shown « à vérifier ».
OFFER_CONFIRM_EVERY_DAYS = 90
# After the reminder, the managers have this many days to confirm before the offer is marked
# « à vérifier »; this many open reports of residents mark it so at once.
OFFER_CONFIRM_GRACE_DAYS = 14
OFFER_REPORTS_TO_VERIFY = 2
CELERY_BEAT_SCHEDULE["offres-confirmation-cycle"] = {
    "task": "offres.tasks.confirmation_cycle",
    "schedule": 6 * 60 * 60,
}
if PACT_MAP_TILES_URL:
    from urllib.parse import urlsplit as _urlsplit

    _tiles = _urlsplit(PACT_MAP_TILES_URL.replace("{s}.", ""))
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(f"{_tiles.scheme}://{_tiles.netloc}")
# Deadlines: the city answers a submitted proposal within this many days; residents are told
# this many days before a consultation closes, a yearly report is due, a pact ends.
PACT_CITY_ANSWER_DAYS = 30
PACT_CONSULTATION_REMINDER_DAYS = 3
PACT_REPORT_REMINDER_DAYS = 30
PACT_ENDING_REMINDER_DAYS = (60, 30)
# The public journal of fingerprints is verified, with every signed text, every hour; a problem
# is logged and e-mailed to ADMINS. /healthz reports the chain and the last full check.
CELERY_BEAT_SCHEDULE["pactes-verify-journal"] = {
    "task": "pactes.tasks.verify_journal",
    "schedule": 60 * 60,
}
HEALTH_DETAILS["pact_journal"] = "pactes.journal.health_detail"
CELERY_BEAT_SCHEDULE["pactes-send-reminders"] = {
    "task": "pactes.tasks.send_reminders",
    "schedule": 60 * 60,
}
# The moderation pipeline's pluggable classifier (docs/moderation.md): empty, off.
MODERATION_CLASSIFIER = env.MODERATION_CLASSIFIER

# --- orientation (social prescribing, docs/orientation.md) ----------------------------------------
# The connector follows each referred offer up this many months after the referral; the beat task
# reminds them when one is due.
ORIENTATION_FOLLOW_UP_MONTHS = (1, 3)
# The first name and contact of a referral (and who referred, who came along) are erased this many
# months after its last follow-up (the last milestone, or the day it was recorded if later). What
# stays is anonymous: the offer, the month, whether the person came and kept going.
ORIENTATION_RETENTION_MONTHS = 6
CELERY_BEAT_SCHEDULE["orientation-follow-up-reminders"] = {
    "task": "orientation.tasks.remind_follow_ups",
    "schedule": crontab(hour=8, minute=15),
}
CELERY_BEAT_SCHEDULE["orientation-retention"] = {
    "task": "orientation.tasks.erase_expired",
    "schedule": crontab(hour=3, minute=40),
}
