"""docker-compose.yml and the Dockerfile, checked without a Docker engine: their structure, and
that every command they run resolves to real code of the project."""

import importlib
import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_has_the_services_and_named_volumes_of_a_deployment():
    assert set(COMPOSE["services"]) == {"postgres", "redis", "migrate", "web", "worker", "beat"}
    assert set(COMPOSE["volumes"]) == {"postgres-data", "redis-data", "media"}
    assert "postgres-data:/var/lib/postgresql/data" in COMPOSE["services"]["postgres"]["volumes"]
    for name in ["web", "worker", "beat", "migrate"]:
        service = COMPOSE["services"][name]
        environment = service["environment"]
        assert environment["DJANGO_SETTINGS_MODULE"] == "cite.settings.production"
        assert (
            environment["DATABASE_URL"].startswith("postgres://") and "@postgres:5432/" in environment["DATABASE_URL"]
        )
        assert environment["REDIS_URL"] == "redis://redis:6379/0"
        assert service["depends_on"]["postgres"]["condition"] == "service_healthy"


def test_web_runs_daphne_on_the_project_asgi_application_with_a_health_check():
    web = COMPOSE["services"]["web"]
    command = web["command"]
    assert command[0] == "daphne"
    module_name, attribute = command[-1].split(":")
    module = importlib.import_module(module_name)
    from channels.routing import ProtocolTypeRouter

    assert isinstance(getattr(module, attribute), ProtocolTypeRouter)
    assert web["healthcheck"]["test"] == ["CMD", "python", "bin/healthcheck.py"]
    assert (ROOT / "bin/healthcheck.py").exists()
    assert web["depends_on"]["migrate"]["condition"] == "service_completed_successfully"


def test_worker_and_beat_run_the_project_celery_app():
    for name, verb in [("worker", "worker"), ("beat", "beat")]:
        command = COMPOSE["services"][name]["command"]
        assert command[:4] == ["celery", "-A", "cite", verb]
    # "celery -A cite" loads cite.celery_app; ask Celery itself to resolve it, as the container would.
    result = subprocess.run(
        [sys.executable, "-m", "celery", "-A", "cite", "inspect", "--help"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cite.settings.dev"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    from cite import celery_app

    assert celery_app.main == "cite"


def test_migrate_service_runs_the_migrations_command():
    assert COMPOSE["services"]["migrate"]["command"] == ["python", "manage.py", "migrate", "--noinput"]
    assert (ROOT / "manage.py").exists()


def test_dockerfile_installs_the_project_and_serves_the_same_application():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "pip install --no-cache-dir ." in dockerfile
    assert '"cite.asgi:application"' in dockerfile
    assert "collectstatic" in dockerfile and "USER vdl" in dockerfile


def test_healthcheck_script_fails_when_nothing_answers():
    result = subprocess.run(
        [sys.executable, "bin/healthcheck.py"],
        cwd=ROOT,
        env={**os.environ, "PORT": "1"},
        capture_output=True,
        timeout=30,
    )
    assert result.returncode == 1
