# Two commands for a fresh clone: `make run` (start the app) and `make test` (the whole suite).
# Both create .venv on first use and reinstall when pyproject.toml changes.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench soak screenshots clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Liaison needs Python 3.11 or newer" or 0)'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/liaison $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check db desktop tests scripts bench
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python bench/run.py --size large
	$(BIN)/python bench/event_bench.py --size large
	$(BIN)/python bench/duplicates_bench.py --size large
	$(BIN)/python bench/hostile_bench.py
	$(BIN)/python bench/export_bench.py --size medium
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BIN)/python bench/desktop_bench.py --size medium
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BIN)/python bench/desktop_bench.py --size large
	$(BIN)/python bench/encrypted_bench.py --size medium

# The long crash and fuzz runs: 60 kills (import, merge, restore) and the readers fuzzed at
# length; the kills' table lands in bench/out/soak.md for the README.
soak: $(STAMP)
	LIAISON_FUZZ_EXAMPLES=$${LIAISON_FUZZ_EXAMPLES:-2000} QT_QPA_PLATFORM=offscreen \
		$(BIN)/python -m pytest -m "soak or fuzz" -p no:randomly -q $(PYTEST_ARGS)
	@cat bench/out/soak.md

screenshots: $(STAMP)
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
