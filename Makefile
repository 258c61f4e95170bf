# Two commands do everything on a fresh machine:  make run  ·  make test
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONUNBUFFERED := 1

.PHONY: run dev test test-fast setup migrate demo models lint bench clean browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# torch first, from its CPU wheel: otherwise sentence-transformers pulls gigabytes of CUDA packages.
$(VENV)/.installed: requirements/base.txt requirements/dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -r requirements/dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

setup: $(VENV)/.installed node_modules/.installed
	@mkdir -p var/broker/out var/broker/processed var/broker/control media

migrate: setup
	$(BIN)/python manage.py migrate --noinput

models: migrate
	$(BIN)/python manage.py ensure_models

demo: models
	$(BIN)/python manage.py seed_demo

# The platform as people will judge it: DEBUG off in every process (Procfile), so errors show the product's own
# 403/404/500 pages and the API's error format.
run: demo
	@echo "Starting web (http://127.0.0.1:8000), Celery worker and beat. Ctrl-C stops them all."
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/honcho start

# For developers: the same with DEBUG on (Django's technical error pages, template debugging).
dev: demo
	PATH="$(CURDIR)/$(BIN):$$PATH" DEBUG=true $(BIN)/honcho start

# Debian's chromium drives the browser tests; installed here when missing and we may (root).
browser:
	@if ! command -v chromium >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else echo "chromium is missing: browser tests will fail (apt-get install chromium)"; fi; fi

# The whole suite on TEST_WORKERS processes (pytest-xdist; each has its own test database, Redis database, media and
# broker folders: config/settings/test.py), with the 20 slowest tests listed at the end so a regression shows.
TEST_WORKERS ?= 2
FAST_TESTS := not browser and not integration and not slow
# pytest rewrites the asserts of ~450 modules on every start unless it may keep the result in __pycache__ (about 4 s
# per process): a machine-wide PYTHONDONTWRITEBYTECODE=1 must not cost every test run that.
test test-fast: export PYTHONDONTWRITEBYTECODE=

test: setup browser
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=config.settings.test
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile --durations=20 $(PYTEST_ARGS)

# The inner loop while changing code: everything but the browser, integration (real processes) and slow (model
# training) tests, in about a minute. One file: .venv/bin/python -m pytest tests/<app>/test_<behaviour>.py
test-fast: setup
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile -m "$(FAST_TESTS)" --durations=10 $(PYTEST_ARGS)

# ruff's rules and formatting over the tree; mypy (django-stubs) over services, selectors and the engines
# (the file list and settings are in pyproject.toml).
lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: setup
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) node_modules var staticfiles db.sqlite3
