"""While the database refuses connections, every page answers the site's minimal 503 page
(« service momentanément indisponible », no traceback) and ``/healthz`` answers 503 whatever the
cookies. Real refusals: a daphne process pointed at a PostgreSQL port where nothing listens, or
at a SQLite file in a folder that does not exist; with DEBUG off (production-like) and on
(``make run``)."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Pages that read the database (the log-in form, which does not, still answers).
PAGES = ["/", "/debats/", "/pactes/", "/pactes/1/", "/moderation/registre/", "/inconnue/", "/api/v2/pages/"]
SESSION = "sessionid=0123456789abcdefghijklmnopqrstuv"
COOKIES = ["", f"{SESSION}; vdl_language=fr", "csrftoken=abc"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, *, cookie: str = "") -> tuple[int, dict, str]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture(
    params=[
        ("cite.settings.test", {"DATABASE_URL": "postgres://postgres@127.0.0.1:{dead}/vdl"}),
        ("cite.settings.dev", {"SQLITE_PATH": "{tmp}/absent/folder/db.sqlite3"}),
    ],
    ids=["postgresql-refused-debug-off", "sqlite-unreadable-debug-on"],
)
def dead_database_site(request, tmp_path):
    settings_module, database = request.param
    dead = _free_port()  # nothing listens there: connections are refused
    port = _free_port()
    env = {
        **{
            k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SQLITE_PATH", "DJANGO_ALLOW_ASYNC_UNSAFE"}
        },
        "DJANGO_SETTINGS_MODULE": settings_module,
        **{key: value.format(dead=dead, tmp=tmp_path) for key, value in database.items()},
    }
    log_path = tmp_path / "daphne.log"
    with open(log_path, "w") as log:
        daphne = str(Path(sys.executable).with_name("daphne"))
        process = subprocess.Popen(
            [daphne, "-b", "127.0.0.1", "-p", str(port), "cite.asgi:application"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 90
        while True:
            assert process.poll() is None, log_path.read_text()[-3000:]
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, log_path.read_text()[-3000:]
                time.sleep(0.3)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_pages_and_health_probe_answer_503_while_the_database_refuses_connections(dead_database_site):
    for cookie in COOKIES:
        status, headers, body = _get(f"{dead_database_site}/healthz", cookie=cookie)
        assert status == 503, (cookie, body[:500])
        assert '"database": "error: OperationalError"' in body
        for page in PAGES:
            status, headers, body = _get(dead_database_site + page, cookie=cookie)
            assert status == 503, (page, cookie, body[:500])
            assert "Service momentanément indisponible" in body, (page, body[:500])
            assert "Traceback" not in body and "OperationalError" not in body
            assert headers["Retry-After"] == "30" and headers["X-Frame-Options"] == "DENY"
    # The account page of someone logged in: the session itself cannot be read.
    status, headers, body = _get(f"{dead_database_site}/compte/", cookie=SESSION)
    assert status == 503 and "Service momentanément indisponible" in body
    status, headers, body = _get(f"{dead_database_site}/debats/", cookie="vdl_language=en")
    assert status == 503 and "Service temporarily unavailable" in body
