# Anbiao: `make run` to try it, `make test` to check it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed

.PHONY: run test lint format messages makemessages migrate demo check-deploy clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

messages: $(STAMP)
	./scripts/system-deps.sh run
	$(MANAGE) compilemessages --ignore=.venv -v0

migrate: $(STAMP)
	$(MANAGE) migrate --noinput -v0

demo: migrate
	$(MANAGE) load_demo

## Serve the demo company on http://127.0.0.1:8000 (SQLite, eager Celery).
run: messages demo
	$(MANAGE) runserver 127.0.0.1:8000

## Install what is missing and run the whole suite (browser tests included).
test: $(STAMP)
	./scripts/system-deps.sh test
	$(MANAGE) compilemessages --ignore=.venv -v0
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	# Tests that commit to the database (browser and worker tests) empty it when they end, which
	# would also remove the reference data that migrations load; they run in a second session.
	$(BIN)/python -m pytest -m "not e2e and not worker" $(PYTEST_ARGS)
	$(BIN)/python -m pytest -m "e2e or worker" $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

makemessages: $(STAMP)
	$(MANAGE) makemessages -l zh_Hans -l en --ignore=.venv --ignore=tests --no-location

check-deploy: $(STAMP)
	DJANGO_SETTINGS_MODULE=config.settings.prod DJANGO_SECRET_KEY=$$(head -c 48 /dev/urandom | base64) \
	  DJANGO_ALLOWED_HOSTS=anbiao.example.com \
	  DATABASE_URL=postgres://anbiao@localhost/anbiao REDIS_URL=redis://localhost:6379/0 \
	  $(BIN)/python manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
