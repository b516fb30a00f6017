# Two commands do all set-up on a fresh machine: `make run` and `make test`.
VENV     := .venv
PY       := $(VENV)/bin/python
FLASK    := $(VENV)/bin/flask --app wsgi
HTMX     := 2.0.11
AXE      := 4.10.3
VENDOR   := web/static/vendor
PYTHON   ?= python3

.PHONY: install icu browser pango run serve test lint format translations clean bench load fuzz

MO       := web/translations/uk/LC_MESSAGES/messages.mo

install: $(VENV)/.installed $(VENDOR)/htmx.min.js $(MO)

$(VENV)/.installed: pyproject.toml | icu
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

# htmx comes from the npm registry at install time, pinned; it is never committed.
$(VENDOR)/htmx.min.js:
	mkdir -p var/npm $(VENDOR)
	npm install --silent --no-audit --no-fund --save-exact --prefix var/npm htmx.org@$(HTMX)
	cp var/npm/node_modules/htmx.org/dist/htmx.min.js $@

# axe-core checks each page kind for accessibility in the browser tests; test time only, pinned.
var/npm/node_modules/axe-core/axe.min.js:
	mkdir -p var/npm
	npm install --silent --no-audit --no-fund --save-exact --prefix var/npm axe-core@$(AXE)

# Translations are kept as .po sources and compiled at install time.
$(MO): web/translations/uk/LC_MESSAGES/messages.po $(VENV)/.installed
	$(VENV)/bin/pybabel compile --use-fuzzy -d web/translations

# After changing texts: extract them and merge into the Ukrainian catalogue, then translate.
translations: install
	$(VENV)/bin/pybabel extract -F babel.cfg -k _l -k DomainError -k RuleBrokenError -w 120 -o var/messages.pot .
	$(VENV)/bin/pybabel update -N -w 120 -i var/messages.pot -d web/translations

run: install
	$(FLASK) demo load
	$(FLASK) run --host 127.0.0.1 --port 5000 --without-threads  # one request at a time, like a gunicorn sync worker

serve: install
	$(VENV)/bin/gunicorn --config python:web.gunicorn_config --bind 127.0.0.1:8000 wsgi:app

# Browser tests use Debian's Chromium; it is installed here where it is missing and we are root.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is missing and we are not root: the browser tests will be skipped."; fi; \
	fi

# PyICU (names in the Ukrainian alphabet's order) is built against the system's ICU; installed the
# same way where it is missing.
icu:
	@if ! pkg-config --exists icu-i18n 2>/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq libicu-dev pkg-config >/dev/null; \
	  else echo "ICU's headers are missing and we are not root: install libicu-dev and pkg-config."; fi; \
	fi

# Board packs as PDF (WeasyPrint) need Pango; installed the same way where it is missing.
pango:
	@if ! ldconfig -p | grep -q libpango-1.0 || ! ldconfig -p | grep -q libharfbuzz-subset; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 >/dev/null; \
	  else echo "Pango is missing and we are not root: the PDF test will be skipped."; fi; \
	fi

# The type check (mypy, over domain/ and portfolio/: see pyproject.toml) comes first; it takes seconds.
test: install browser pango var/npm/node_modules/axe-core/axe.min.js
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) var/npm $(VENDOR)

# Benchmarks (not part of the tests): BENCH_EVENTS=1000000 by default; results in var/bench.json.
bench: install
	$(PY) bench/run.py

# Load and faults: gunicorn with 4 workers on PostgreSQL, 50 sessions for 60 s, then a worker killed
# and the database cut off under the same load; results in var/load.json.
load: install
	$(PY) bench/load.py

# Fuzzing (not part of the tests): Schemathesis against the API under gunicorn on SQLite and PostgreSQL,
# NUL bytes allowed, FUZZ_EXAMPLES=200 per operation, every check and the stateful phase; then the
# widest-values property test with FUZZ_WIDEST=50 examples per store. Results in var/fuzz.json.
fuzz: install
	$(PY) bench/fuzz.py
