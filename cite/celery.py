"""The Celery application. Without a broker (embedded mode) tasks run eagerly in-process."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cite.settings.dev")

app = Celery("cite")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
