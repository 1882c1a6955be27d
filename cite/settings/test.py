"""Settings of the test suite: the embedded mode, or PostgreSQL/Redis when their URLs are set.

Several test runs may share a machine (and a PostgreSQL server): each run's test database is
named after its process, so that they never collide.
"""

import os

from cite.settings import env
from cite.settings.base import *  # noqa: F403
from cite.settings.base import DATABASES, VAR_DIR

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
if env.EMAIL_FILE_PATH:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = env.EMAIL_FILE_PATH
else:
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

_run = os.getpid()
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file, not memory, so that a daphne process started by a test reads the same database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{_run}.sqlite3")}
else:
    DATABASES["default"]["TEST"] = {"NAME": f"test_vdl_{_run}"}
MEDIA_ROOT = str(VAR_DIR / "test-media")
ACCOUNT_RATE_LIMITS = False
# Tasks run in-process so that tests see their effects; tests/test_celery_redis.py runs a real
# worker on Redis.
CELERY_TASK_ALWAYS_EAGER = True
# Tests never ask an outside service: the offline geocoder, no tile server.
PACT_GEOCODER = "offline"
PACT_MAP_TILES_URL = ""
