"""The Celery application. Without a broker (embedded mode) tasks run eagerly in-process."""

import os

from celery import Celery
from celery.signals import worker_ready

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cite.settings.dev")

app = Celery("cite")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_ready.connect
def _sweep_outbox_at_start(sender, **kwargs):
    """A worker that starts sends what waited in the outbox at once, without waiting for beat:
    after a restart of Redis without its data, the wake-up calls of those e-mails are gone."""
    sender.app.send_task("notifications.tasks.outbox_sweep")
