# Ville du lien — the two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test install migrate demo e2e lint format messages compilemessages check-deploy clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
	$(BIN)/pip install -q -e '.[test]' 2>&1 | grep -v '^WARNING: Location' || true
	$(PY) -c "import django, wagtail, channels, playwright"
	touch $(STAMP)

install: $(STAMP)

migrate: install
	mkdir -p var
	$(PY) manage.py migrate --noinput -v0

demo: migrate
	$(PY) manage.py load_demo

# Embedded mode: SQLite (WAL), in-memory channel layer, eager Celery, served by daphne.
run: demo compilemessages
	$(PY) manage.py collectstatic --noinput -v0
	$(BIN)/daphne -b 127.0.0.1 -p 8000 cite.asgi:application

# The whole suite in the embedded mode (SQLite, in-memory layer), then the browser tests in
# their own session (they need Chromium: bin/ensure-chromium installs Debian's when missing).
# The multi-process tests need PostgreSQL and Redis: .ci/run runs them (`pytest -m multiprocess`).
test: install compilemessages
	$(BIN)/pytest -q
	bin/ensure-chromium
	$(BIN)/pytest -q -m "e2e and not multiprocess"

e2e: install compilemessages
	$(BIN)/pytest -q -m "e2e and not multiprocess"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Extract strings: each app keeps its catalogue in <app>/locale; the site-wide templates in locale/.
messages: install
	$(PY) bin/messages.py

compilemessages: install
	$(PY) bin/compile_messages.py

check-deploy: install
	SECRET_KEY=check-deploy-$$(date +%s)-$$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n') \
	ALLOWED_HOSTS=participation.example.fr DJANGO_SETTINGS_MODULE=cite.settings.production \
	$(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) var
