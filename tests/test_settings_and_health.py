"""Runtime modes, production safety and the health probe."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent


def _run_django(code: str, **env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY"}}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60
    )


SHOW_MODE = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'db': s.DATABASES['default']['ENGINE'], 'init': s.DATABASES['default'].get('OPTIONS', {})"
    ".get('init_command', ''), 'timeout': s.DATABASES['default'].get('OPTIONS', {}).get('timeout'), "
    "'layer': s.CHANNEL_LAYERS['default']['BACKEND'], 'eager': s.CELERY_TASK_ALWAYS_EAGER, "
    "'broker': s.CELERY_BROKER_URL, 'email': s.EMAIL_BACKEND}))"
)


def test_without_environment_the_embedded_mode_is_used():
    result = _run_django(SHOW_MODE, DJANGO_SETTINGS_MODULE="cite.settings.dev")
    assert result.returncode == 0, result.stderr
    mode = json.loads(result.stdout)
    assert mode["db"] == "django.db.backends.sqlite3"
    assert "journal_mode=WAL" in mode["init"] and mode["timeout"] >= 5
    assert mode["layer"] == "channels.layers.InMemoryChannelLayer"
    assert mode["eager"] is True
    assert mode["email"] == "django.core.mail.backends.console.EmailBackend"


def test_with_urls_in_the_environment_postgresql_redis_and_smtp_are_used():
    result = _run_django(
        SHOW_MODE,
        DJANGO_SETTINGS_MODULE="cite.settings.dev",
        DATABASE_URL="postgres://vdl:secret@db:5432/vdl",
        REDIS_URL="redis://redis:6379/0",
        EMAIL_URL="smtp://mailer:pw@smtp.example.fr:587?tls=1",
    )
    assert result.returncode == 0, result.stderr
    mode = json.loads(result.stdout)
    assert mode["db"] == "django.db.backends.postgresql"
    assert mode["layer"] == "channels_redis.core.RedisChannelLayer"
    assert mode["eager"] is False and mode["broker"] == "redis://redis:6379/0"
    assert mode["email"] == "django.core.mail.backends.smtp.EmailBackend"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"ALLOWED_HOSTS": "ville.example.fr"}, "SECRET_KEY is not set"),
        ({"SECRET_KEY": "x" * 60}, "ALLOWED_HOSTS is not set"),
    ],
)
def test_production_refuses_to_start_without_secret_key_or_hosts(env, message):
    result = _run_django("import django; django.setup()", DJANGO_SETTINGS_MODULE="cite.settings.production", **env)
    assert result.returncode != 0
    assert message in result.stderr


def test_production_settings_pass_the_deployment_checks():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cite.settings.production",
            "SECRET_KEY": "k7#Jd92-ville-du-lien-production-check-key-Qm3!zLp0xW8vR4tY6uB1nC5eF",
            "ALLOWED_HOSTS": "participation.example.fr",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_sends_a_strict_content_security_policy(client, settings):
    response = client.get(reverse("account_login"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_healthz_reports_every_part_up(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert {key: body[key] for key in ("status", "database", "channel_layer")} == {
        "status": "ok",
        "database": "ok",
        "channel_layer": "ok",
    }
    assert body["details"]["pact_journal"]["status"] == "ok"


@pytest.mark.django_db
def test_healthz_answers_503_when_the_channel_layer_is_down(client, settings):
    settings.CHANNEL_LAYERS = {
        "default": {"BACKEND": "channels_redis.core.RedisChannelLayer", "CONFIG": {"hosts": ["redis://127.0.0.1:1/0"]}}
    }
    from channels.layers import channel_layers

    channel_layers.backends.clear()
    try:
        response = client.get("/healthz")
    finally:
        channel_layers.backends.clear()
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error" and body["database"] == "ok" and body["channel_layer"].startswith("error")


@pytest.mark.django_db
def test_healthz_checks_the_broker_when_one_is_configured(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    from cite.celery import app

    previous = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_url = previous
    assert response.status_code == 503
    assert response.json()["broker"].startswith("error")
