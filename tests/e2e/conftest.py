"""Browser tests: a real daphne process on the test database, driven by Debian's Chromium.

The server is started once per test session with the demo content loaded. Data that tests add
stays for the rest of the session, so each test creates its own objects with unique names.
Run them with ``make e2e`` (``pytest -m e2e``): they run in their own pytest session, apart from
the other tests, which expect an empty database.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core.management import call_command
from django.db import connection

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DEMO_PASSWORD = settings.DEMO_PASSWORD
ROOT = Path(__file__).resolve().parent.parent.parent


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)


def _free_port() -> int:
    """A free port; with E2E_PORTS="first-last", the first free one in that range (machines
    where each worker has its own ports)."""
    first, _, last = os.environ.get("E2E_PORTS", "").partition("-")
    candidates = range(int(first), int(last) + 1) if first and last else [0]
    for candidate in candidates:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", candidate))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise RuntimeError(f"no free port in E2E_PORTS={os.environ['E2E_PORTS']}")


def start_daphne(*, database_name: str, port: int, env_extra: dict | None = None) -> subprocess.Popen:
    """Start ``daphne cite.asgi:application`` on ``port`` against the test database."""
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **environment,
        "DJANGO_SETTINGS_MODULE": "cite.settings.test",
        "DATABASE_NAME": database_name,
        "PYTHONUNBUFFERED": "1",
        **(env_extra or {}),
    }
    daphne = str(Path(sys.executable).with_name("daphne"))
    # The server's log goes to a file: a pipe nobody reads would fill up and block the server.
    log_path = ROOT / "var" / f"daphne-{port}.log"
    log_path.parent.mkdir(exist_ok=True)
    log = open(log_path, "w")  # noqa: SIM115 (closed with the process)
    process = subprocess.Popen(
        [daphne, "-b", "127.0.0.1", "-p", str(port), "cite.asgi:application"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    process.log_path = log_path
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"daphne stopped at start:\n{log_path.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
                if response.status == 200:
                    return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"daphne did not answer /healthz within 90 s:\n{log_path.read_text()[-3000:]}")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    process.log_path.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def django_db_setup(django_test_environment, django_db_blocker):
    """The test database, created even though no browser test carries a ``django_db`` mark
    (the mark would wrap each test in a transaction the server process cannot see)."""
    from django.test.utils import setup_databases, teardown_databases

    with django_db_blocker.unblock():
        config = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    yield
    with django_db_blocker.unblock():
        teardown_databases(config, verbosity=0)


@pytest.fixture(scope="session")
def mail_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("mail")


@pytest.fixture(scope="session")
def live_url(django_db_setup, django_db_blocker, mail_dir) -> str:
    """Base URL of a daphne server on the test database, with the demo content loaded."""
    with django_db_blocker.unblock():
        call_command("load_demo", force=True, stdout=open(os.devnull, "w"))  # noqa: SIM115
        database_name = connection.settings_dict["NAME"]
    port = _free_port()
    process = start_daphne(database_name=database_name, port=port, env_extra={"EMAIL_FILE_PATH": str(mail_dir)})
    yield f"http://127.0.0.1:{port}"
    stop(process)


@pytest.fixture
def e2e_db(django_db_blocker):
    """Database access from the test body (committed at once: the server must see it)."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture(scope="session")
def browser(live_url):
    """Chromium, started after the server so that the demo loads outside Playwright's loop."""
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM} (apt-get install -y chromium).")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
    # beside it are still synchronous and safe. Only this test process gets the flag, never the
    # servers it starts.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class PageProblems(list):
    pass


@pytest.fixture
def new_page(browser, live_url):
    """``new_page()`` -> a page in a fresh browser context (its own cookies), on the live server.

    Content-Security-Policy violations and uncaught script errors fail the test.
    """
    contexts = []
    problems = PageProblems()

    def make(*, javascript: bool = True, locale: str = "fr-FR"):
        context = browser.new_context(base_url=live_url, java_script_enabled=javascript, locale=locale)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda msg: _record_console(problems, msg))
        page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
        return page

    yield make
    for context in contexts:
        context.close()
    assert not problems, "\n".join(problems)


def _record_console(problems: list, message) -> None:
    if message.type == "error" and "Content Security Policy" in message.text:
        problems.append(f"CSP: {message.text}")


@pytest.fixture
def page(new_page):
    return new_page()


def login(page, email: str, password: str = DEMO_PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").first.fill(email)
    page.get_by_label("Mot de passe").first.fill(password)
    page.locator("main form").get_by_role("button", name="Connexion").click()
    page.wait_for_load_state()


_axe = Axe()


def assert_accessible(page, *, context=None) -> None:
    """No serious or critical axe-core violation on the page as it is now."""
    results = _axe.run(page, context=context)
    bad = [v for v in results.response["violations"] if v["impact"] in {"serious", "critical"}]
    report = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:5]) for v in bad
    )
    assert not bad, f"axe-core violations on {page.url}:\n{report}"
