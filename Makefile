# Ville du lien — the two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
PORT ?= 8000
export PIP_DISABLE_PIP_VERSION_CHECK := 1

# Debian packages beside Python's: Pango for WeasyPrint's PDFs, GNU gettext to extract strings,
# Chromium for the browser tests. bin/ensure-packages installs the missing ones (or says how).
SYSTEM_PACKAGES := python3-venv libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
BROWSER_PACKAGES := chromium fonts-dejavu-core

.PHONY: run test install migrate demo e2e browser lint format messages compilemessages check-deploy clean

# Everything generated at run time (SQLite databases, media, collected static files, test
# databases) lives in var/, which git ignores: every target that needs it depends on it.
var:
	mkdir -p var

$(STAMP): pyproject.toml
	bin/ensure-packages $(SYSTEM_PACKAGES)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
	$(BIN)/pip install -q -e '.[test]' 2>&1 | grep -v '^WARNING: Location' || true
	$(PY) -c "import django, wagtail, channels, playwright"
	touch $(STAMP)

install: $(STAMP)

migrate: install | var
	$(PY) manage.py migrate --noinput -v0

# The catalogues are compiled first: the demo writes French text (clause headings, versions and
# their fingerprints) that would otherwise be frozen in English.
demo: migrate compilemessages
	$(PY) manage.py load_demo

# Embedded mode: SQLite (WAL), in-memory channel layer, eager Celery, served by daphne.
run: demo
	$(PY) manage.py collectstatic --noinput -v0
	$(BIN)/daphne -b 127.0.0.1 -p $(PORT) cite.asgi:application

# The whole suite in the embedded mode (SQLite, in-memory layer), then the browser tests in
# their own session (they need Chromium: installed with apt when missing).
# The multi-process tests need PostgreSQL and Redis: .ci/run runs them (`pytest -m multiprocess`).
test: install compilemessages browser | var
	$(BIN)/pytest -q
	$(BIN)/pytest -q -m "e2e and not multiprocess"

e2e: install compilemessages browser | var
	$(BIN)/pytest -q -m "e2e and not multiprocess"

browser:
	bin/ensure-packages $(BROWSER_PACKAGES)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Extract strings: each app keeps its catalogue in <app>/locale; the site-wide templates in locale/.
messages: install
	bin/ensure-packages gettext
	$(PY) bin/messages.py

compilemessages: install
	$(PY) bin/compile_messages.py

check-deploy: install
	SECRET_KEY=check-deploy-$$(date +%s)-$$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n') \
	ALLOWED_HOSTS=participation.example.fr DJANGO_SETTINGS_MODULE=cite.settings.production \
	$(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) var
