"""Celery on Redis for real: a worker process takes a task from the broker and runs it."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

from cite.celery import app

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")

pytestmark = pytest.mark.multiprocess


def test_a_worker_on_redis_sends_the_queued_email(tmp_path):
    mail_dir = tmp_path / "mail"
    queue = f"test-{os.getpid()}"
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "cite",
            "worker",
            "-Q",
            queue,
            "--concurrency=1",
            "--pool=solo",
            "-l",
            "warning",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cite.settings.test",
            "REDIS_URL": REDIS_URL,
            "EMAIL_FILE_PATH": str(mail_dir),
            "DATABASE_URL": "",
            "SQLITE_PATH": str(tmp_path / "worker.sqlite3"),
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    previous = (app.conf.broker_url, app.conf.task_always_eager)
    app.conf.broker_url, app.conf.task_always_eager = REDIS_URL, False
    try:
        from core.tasks import send_email

        # The worker process writes the e-mail to files: their content proves it ran the task.
        send_email.apply_async(
            kwargs={"to": ["habitant@example.org"], "subject": "Rappel", "body": "Séance demain à 18 h"}, queue=queue
        )
        deadline = time.monotonic() + 60
        sent = ""
        while time.monotonic() < deadline and not sent:
            if worker.poll() is not None:
                pytest.fail(f"the worker stopped: {worker.stderr.read()}")
            sent = "".join(path.read_text() for path in mail_dir.glob("*.log")) if mail_dir.exists() else ""
            time.sleep(0.2)
        assert "Séance demain à 18 h" in sent or "S=C3=A9ance demain" in sent, sent
        assert f"Subject: {settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}Rappel" in sent
        assert "To: habitant@example.org" in sent
    finally:
        app.conf.broker_url, app.conf.task_always_eager = previous
        worker.terminate()
        worker.wait(timeout=20)
