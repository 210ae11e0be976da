# The two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export PYTHONDONTWRITEBYTECODE := 1

# One test process per core, at most four; a file's tests stay in one process (their fixtures
# may share a server). Override with PYTEST_ARGS= for a single process.
PYTEST_ARGS ?= -n auto --maxprocesses 4 --dist loadfile

.PHONY: demo test install lint test-sqlite test-postgres messages clean bench

demo: install  ## install, migrate SQLite, load demo data and serve at http://127.0.0.1:$${PORT:-8000}
	$(BIN)/turnout demo

test: install lint test-sqlite test-postgres  ## install and run the whole suite (SQLite, then PostgreSQL if DATABASE_URL is set)

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

lint:
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src/turnout
	$(BIN)/lint-imports --no-cache  # the layers in docs/architecture.md

test-sqlite:
	env -u DATABASE_URL $(BIN)/python -m pytest $(PYTEST_ARGS)

test-postgres:
	@if [ -n "$$DATABASE_URL" ]; then \
		echo "== again on $$DATABASE_URL (the tests that may touch a database)"; \
		$(BIN)/python -m pytest $(PYTEST_ARGS) --database-only; \
	else \
		echo "== DATABASE_URL is not set: the PostgreSQL run is skipped (CI sets it)"; \
	fi

messages:  ## refresh each app's Dutch catalogue after changing strings, then compile it (Babel)
	for app in src/turnout/*/locale; do \
		(cd $$app/.. && TURNOUT_DATA_DIR=$(CURDIR)/var $(CURDIR)/$(BIN)/turnout makemessages -l nl --no-obsolete --add-location file) && \
		$(BIN)/pybabel compile --use-fuzzy -D django -d $$app -l nl; \
	done

bench: install  ## run every benchmark by hand (wrk, PostgreSQL at BENCH_POSTGRES_URL); see bench/results.md
	cd bench && ../$(BIN)/python run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var test-artifacts .pytest_cache
