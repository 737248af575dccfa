# Clinic Pages: `make demo` serves the five demo clinics, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup demo load-demo serve test test-sqlite test-sqlite-suite test-sqlite-transactional test-postgres test-postgres-suite test-postgres-transactional test-browser lint layers format bench smoke audit check plugin-check clean messages i18n-check vnu validate-html

$(STAMP): pyproject.toml setup.py site/pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11+ is required")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]" -e ./site
	touch $(STAMP)

setup: $(STAMP)

load-demo: setup
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_clinics

serve: setup
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

demo: load-demo serve

# Two runs: the browser tests share one live server and one demo load, kept apart from the
# transactional tests. Exit code 5 (no tests collected) is not a failure for the second run.
# The first run is spread over the CPU cores (pytest-xdist, TEST_WORKERS=0 for one process): each
# worker has its own database, and --dist loadscope keeps a module's tests on one worker, so a
# module-scoped fixture (the Florida demo load of tests/demo/test_demo_translations.py) is built once.
TEST_WORKERS ?= auto
XDIST := -n $(TEST_WORKERS) --dist loadscope --no-loadscope-reorder

test: test-sqlite
	$(BIN)/python -m pytest -m browser || [ $$? -eq 5 ]

# Transactional tests (a migration run back and forth, real concurrency) empty the tables when
# they end, which would take the migrations' rows (the default locale, permissions) from whatever
# test an xdist worker runs next. So they run on their own, after the rest.
test-sqlite: test-sqlite-suite test-sqlite-transactional

test-sqlite-suite: setup
	$(BIN)/python -m pytest -m "not browser and not transactional" $(XDIST)

test-sqlite-transactional: setup
	$(BIN)/python -m pytest -m "transactional"

# The PostgreSQL-only tests are transactional too (real concurrency): they run on their own. The
# permission matrices' positive cases (database_agnostic: a right that works, one object looked
# up by its key) run on SQLite only; on PostgreSQL the matrices run their refusals, listings and
# searches, where the two databases' SQL differs.
PG_URL := $${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/clinic_pages}
test-postgres: test-postgres-suite test-postgres-transactional

test-postgres-suite: setup
	DATABASE_URL=$(PG_URL) $(BIN)/python -m pytest \
		-m "not browser and not postgres and not transactional and not database_agnostic" $(XDIST)

test-postgres-transactional: setup
	DATABASE_URL=$(PG_URL) $(BIN)/python -m pytest -m "postgres or transactional"

test-browser: setup vnu
	$(BIN)/python -m pytest -m browser

# The W3C Nu HTML checker: npm's vnu-jar (tools/vnu, version locked), run locally on Java 11+.
# --ignore-scripts: the package's install script would fetch a Java runtime; we use the system's.
VNU_JAR := tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR): tools/vnu/package.json tools/vnu/package-lock.json
	cd tools/vnu && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(VNU_JAR)

vnu: $(VNU_JAR)

# Every page type of the five demo clinics (both languages, booking pages, search, 404) through
# the Nu checker; any error fails. Required: a missing checker or browser is a failure, not a skip.
validate-html: setup vnu
	CLINIC_PAGES_REQUIRE_BROWSER=1 $(BIN)/python -m pytest -m browser tests/browser/test_html_validity.py

lint: setup layers
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $$(git ls-files '*.html')

# The import-layer contract (pyproject.toml, [tool.importlinter]). import-linter reads a package
# from one folder, so it checks the package as it installs: the app folders mapped into clinic_pages.
layers: setup
	rm -rf var/layers build
	$(BIN)/python -m pip install --quiet --no-deps --target var/layers . 2>&1 | grep -E '^(ERROR|error)' || true
	cd var/layers && PYTHONPATH=. ../../$(BIN)/lint-imports ../../pyproject.toml

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $$(git ls-files '*.html')

# The production extra (gunicorn, Brotli for precompressed static files) for the stack in deploy/.
PRODUCTION_STAMP := $(VENV)/.production-stamp
$(PRODUCTION_STAMP): $(STAMP) site/pyproject.toml
	$(BIN)/python -m pip install --quiet -e "./site[production]"
	touch $(PRODUCTION_STAMP)

# The Spanish catalogue (core/locale, docs/i18n.md): `messages` brings it up to date with the code
# and compiles it; `i18n-check` fails on any untranslated or fuzzy entry, or a stale .mo. Both
# need GNU gettext.
messages: setup
	$(BIN)/python tools/i18n_check.py --update

i18n-check: setup
	$(BIN)/python tools/i18n_check.py

check: setup
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run
	# Production as deployed (PostgreSQL, Redis, S3 media); the checks connect to none of them.
	DJANGO_SETTINGS_MODULE=clinic_site.settings.production SECRET_KEY=$$(head -c 48 /dev/urandom | base64) \
		ALLOWED_HOSTS=admin.example.com DATABASE_URL=postgres://clinic@db.invalid:5432/clinic_pages \
		REDIS_URL=redis://redis.invalid:6379/0 AWS_STORAGE_BUCKET_NAME=clinic-pages-media \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

# The wheel as an adopter gets it: built, inspected, installed into fresh `wagtail start` projects
# (Python 3.11 + Django 5.2, newest Python + Django 6.1) with the README's steps pasted verbatim.
plugin-check: setup
	$(BIN)/python tools/plugin_check.py

# Queries per page, then throughput: gunicorn uncached, from the page cache, through the
# shipped nginx proxy, against nginx serving the same HTML as a file (needs wrk, PostgreSQL, Redis).
bench: $(PRODUCTION_STAMP)
	$(BIN)/python bench/page_queries.py
	$(BIN)/python bench/throughput.py

# The shipped production stack on loopback ports (.ci/smoke): PostgreSQL, Redis and nginx needed.
smoke: $(PRODUCTION_STAMP)
	bash .ci/smoke

audit: setup
	bash bench/lighthouse.sh

clean:
	rm -rf $(VENV) var db.sqlite3
