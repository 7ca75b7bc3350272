# The two commands of the README: `make run` and `make test`. Both create .venv and install the
# project with its pinned-range dependencies on first use (and again when pyproject.toml changes).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench-eval clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $(STAMP)

# Compiled first: a start reads the modules' bytecode instead of compiling each again (0.2 s),
# also where PYTHONDONTWRITEBYTECODE is set; only modules changed since are compiled. Only
# faster: where the tree can't be written (an image's read-only app folder) the bot starts anyway.
run: $(STAMP)
	$(BIN)/python -m compileall -qq bot retrieval || true
	$(BIN)/quotebot run

lint: $(STAMP)
	$(BIN)/ruff check bot retrieval tools tests
	$(BIN)/ruff format --check bot retrieval tools tests
	$(BIN)/mypy

# On every core (-n auto): the tests share no port, file or folder outside their tmp_path.
# worksteal: a worker that runs out takes tests from the other's queue (a few take a minute).
test: lint
	$(BIN)/pytest -q -n auto --dist worksteal

# Retrieval quality on the dev set, beside plain rank-bm25 (not part of `make test`).
bench-eval: $(STAMP)
	$(BIN)/quotebot eval data/eval/dev.jsonl
	$(BIN)/quotebot eval data/eval/dev.jsonl --engine rank-bm25

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
