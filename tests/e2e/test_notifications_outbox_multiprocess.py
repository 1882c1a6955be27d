"""No e-mail lost: a real Celery worker on Redis and PostgreSQL. The worker is stopped while
e-mails are queued, Redis loses everything it held, then the worker starts: every e-mail is
sent, exactly once, even when its wake-up call is also sent twice.

Run with ``pytest -m multiprocess`` with DATABASE_URL (PostgreSQL) and REDIS_URL set; the
Redis database of REDIS_URL is emptied (FLUSHDB), so give this run a database of its own.
"""

import email
import os
import subprocess
import sys
import time
from email.header import decode_header, make_header
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from cite.celery import app
from notifications.models import OutgoingEmail
from notifications.outbox import email_queue

ROOT = Path(__file__).resolve().parent.parent.parent
REDIS_URL = os.environ.get("REDIS_URL", "")

pytestmark = [
    pytest.mark.multiprocess,
    pytest.mark.skipif(not REDIS_URL, reason="needs REDIS_URL"),
]


def _sent(mail_dir: Path) -> list[str]:
    """The subjects of the e-mails the worker wrote (file backend: one file per connection,
    messages separated by a line of dashes)."""
    subjects = []
    for path in sorted(mail_dir.glob("*.log")) if mail_dir.exists() else []:
        for chunk in path.read_text().split("-" * 79):
            if chunk.strip():
                raw = email.message_from_string(chunk.strip())["Subject"]
                subjects.append(str(make_header(decode_header(raw))))
    return subjects


def _start_worker(mail_dir: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "cite", "worker", "--concurrency=2", "-l", "warning"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cite.settings.test",
            "REDIS_URL": REDIS_URL,
            "CELERY_BROKER_URL": REDIS_URL,
            "EMAIL_FILE_PATH": str(mail_dir),
            "DATABASE_NAME": connection.settings_dict["NAME"],
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_outbox_sends_every_email_once_after_redis_lost_its_data(django_db_setup, e2e_db, tmp_path):
    """The multi-process tests share one test database (committed at once, so that the worker
    sees it): the outbox starts empty here, so that the worker's sweep sends only this test's."""
    if connection.vendor != "postgresql":
        pytest.skip("the worker shares the test database: PostgreSQL only")
    import redis

    OutgoingEmail.objects.all().delete()

    mail_dir = tmp_path / "mail"
    previous = (app.conf.broker_url, app.conf.task_always_eager)
    app.conf.broker_url, app.conf.task_always_eager = REDIS_URL, False
    worker = None
    try:
        # 1. The worker is stopped; e-mails are queued: rows committed, wake-up calls in Redis.
        before = [email_queue(to=f"habitant{n}@example.org", subject=f"Avant {n}", body="Corps") for n in range(5)]
        assert redis.Redis.from_url(REDIS_URL).llen("celery") == 5
        # 2. Redis restarts without its data: every wake-up call is gone.
        redis.Redis.from_url(REDIS_URL).flushdb()
        # 3. The worker starts; more e-mails arrive, some with a duplicated wake-up call.
        worker = _start_worker(mail_dir)
        after = [email_queue(to=f"voisin{n}@example.org", subject=f"Après {n}", body="Corps") for n in range(3)]
        from notifications.tasks import outbox_send

        for row in after:
            outbox_send.delay(row.pk)
        prefix = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX
        expected = sorted([f"{prefix}Avant {n}" for n in range(5)] + [f"{prefix}Après {n}" for n in range(3)])
        broker = redis.Redis.from_url(REDIS_URL)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if worker.poll() is not None:
                pytest.fail(f"the worker stopped: {worker.stderr.read()}")
            # Done when every row is sent and the broker holds no call left to run (the
            # duplicated wake-up calls included: they must send nothing more).
            sent = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.SENT).count()
            if sent == len(expected) and broker.llen("celery") == 0 and broker.hlen("unacked") == 0:
                break
            time.sleep(0.3)
        assert sorted(_sent(mail_dir)) == expected
        assert all(row.status == "sent" for row in OutgoingEmail.objects.filter(pk__in=[r.pk for r in before + after]))
    finally:
        app.conf.broker_url, app.conf.task_always_eager = previous
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=30)
