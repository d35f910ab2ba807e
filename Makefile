# Homeward. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip --disable-pip-version-check -q
FLASK := $(BIN)/flask --app wsgi
HOST ?= 127.0.0.1
PORT ?= 5000

# make run: a local development server on SQLite with demo data.
RUN_ENV := HOMEWARD_ENV=development HOMEWARD_DEMO=1

.PHONY: help install install-test assets translations run migrate demo-data test test-fast bench reliability \
        nlp-corpus nlp-train nlp-evaluate \
        lint format check-types babel-extract babel-init babel-update babel-compile chromium clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

$(VENV)/.installed: $(BIN)/python setup.cfg pyproject.toml constraints.txt
	$(PIP) install -c constraints.txt -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -c constraints.txt -e '.[test]'
	@touch $@

install: $(VENV)/.installed assets translations ## Install the app and its front-end assets into .venv

install-test: install $(VENV)/.installed-test ## Install the app and the test tools

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# GOV.UK Frontend's CSS points at /assets/; we serve the assets under /static/govuk/.
static/govuk/.copied: node_modules/.package-lock.json
	rm -rf static/govuk && mkdir -p static/govuk
	cp -R node_modules/govuk-frontend/dist/govuk/assets static/govuk/assets
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js static/govuk/
	sed 's#url(/assets/#url(/static/govuk/assets/#g' \
	    node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css > static/govuk/govuk-frontend.min.css
	@touch $@

assets: static/govuk/.copied ## Fetch GOV.UK Frontend from npm and copy it into static/

translations: $(VENV)/.installed ## Compile the message catalogues
	@if ls rhi/translations/*/LC_MESSAGES/messages.po >/dev/null 2>&1; then \
	    $(BIN)/pybabel compile -d rhi/translations; fi

migrate: install ## Apply database migrations (DATABASE_URL, default instance/homeward.db)
	@mkdir -p instance
	$(FLASK) db upgrade

demo-data: migrate ## Load the synthetic demo data (idempotent)
	HOMEWARD_DEMO=1 $(FLASK) demo-data

run: install ## Install, migrate, load demo data, serve on http://127.0.0.1:5000 with the SMS worker
	@mkdir -p instance
	$(RUN_ENV) $(FLASK) db upgrade
	$(RUN_ENV) $(FLASK) demo-data
	@echo
	@echo "Homeward is running at http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	@echo
	@echo "Texts go to the console transport; play the young person's phone at /sms-simulator"
	@echo
	@$(RUN_ENV) $(FLASK) worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	    $(RUN_ENV) $(BIN)/gunicorn --bind $(HOST):$(PORT) --workers 2 --access-logfile - wsgi:app

bench: install-test $(VENV)/.installed-load ## Run the benchmarks; their tables go into docs/benchmarks.md
	$(BIN)/python -m bench.nlp_tagger --runs 3
	$(BIN)/python -m bench.sms_dispatch --messages 10000 --rate 100
	tests/with-postgres.sh bash -c 'DATABASE_URL=$$HOMEWARD_TEST_POSTGRES_URL \
	    $(BIN)/python -m bench.sms_dispatch --messages 10000 --rate 50 --workers 2'
	tests/with-postgres.sh bash -c 'DATABASE_URL=$$HOMEWARD_TEST_POSTGRES_URL \
	    $(BIN)/python -m bench.sms_dispatch --messages 10000 --rate 50 --processes 3'
	tests/with-postgres.sh bash -c 'DATABASE_URL=$$HOMEWARD_TEST_POSTGRES_URL \
	    $(BIN)/python -m bench.county --episodes 250000 --repeat 5'
	tests/with-postgres.sh bash -c 'DATABASE_URL=$$HOMEWARD_TEST_POSTGRES_URL \
	    $(BIN)/python -m bench.county --episodes 1000000 --only-annual --repeat 3'
	tests/with-postgres.sh bash -c 'DATABASE_URL=$$HOMEWARD_TEST_POSTGRES_URL \
	    $(BIN)/python -m bench.load --episodes 250000 --users 10,25,50 --seconds 60'

reliability: install-test $(VENV)/.installed-load ## Kill web processes and restart PostgreSQL under traffic; tables into docs/reliability.md
	tests/with-postgres.sh bash -c 'DATABASE_URL=$$HOMEWARD_TEST_POSTGRES_URL \
	    $(BIN)/python -m bench.reliability --kills 12'

$(VENV)/.installed-load: $(VENV)/.installed
	$(PIP) install -c constraints.txt -e '.[load]'
	@touch $@

nlp-corpus: install ## Regenerate the invented NLP corpus (nlp/corpus/*.jsonl) from its fragments
	$(BIN)/python -m nlp.corpus.build_corpus

nlp-train: install ## Retrain the theme classifier into nlp/model (commit the result)
	$(BIN)/python -m nlp train

nlp-evaluate: install ## Per-label precision, recall and F1 of the tagger on the held-out test split
	$(BIN)/python -m nlp evaluate

chromium: ## Install Debian's Chromium for the browser tests, if missing
	@command -v chromium >/dev/null 2>&1 || { \
	    echo "Installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: install-test chromium ## Run the whole suite on SQLite and a throwaway PostgreSQL, with Chromium
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	tests/with-postgres.sh $(BIN)/pytest $(PYTEST_ARGS)

test-fast: install-test ## Run the suite on SQLite only, without the browser (quick local loop)
	HOMEWARD_TEST_DATABASES=sqlite $(BIN)/pytest -m "not browser" $(PYTEST_ARGS)

lint: install-test ## ruff check and ruff format --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test ## Reformat the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check-types: install-test ## mypy
	$(BIN)/mypy

babel-extract: install ## Extract translatable strings into rhi/translations/messages.pot
	$(BIN)/pybabel extract -F babel.cfg -k _l --no-location --sort-output --project Homeward \
	    --ignore-dirs ".* node_modules static instance migrations tests" \
	    -o rhi/translations/messages.pot .

babel-init: babel-extract ## Start a catalogue for a new language: make babel-init LOCALE=pl
	@test -n "$(LOCALE)" || { echo "Say which language: make babel-init LOCALE=pl"; exit 2; }
	$(BIN)/pybabel init -i rhi/translations/messages.pot -d rhi/translations -l $(LOCALE)

babel-update: babel-extract ## Merge new strings into every catalogue
	$(BIN)/pybabel update -i rhi/translations/messages.pot -d rhi/translations

babel-compile: translations ## Compile the catalogues (done by install too)

clean: ## Remove .venv, node_modules, copied assets and the local database
	rm -rf $(VENV) node_modules static/govuk instance
