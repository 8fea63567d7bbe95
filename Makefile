# Two commands do all set-up on a fresh machine with Python 3.11 and make:
#   make run    install into .venv and start the app (demo workspace on first start)
#   make test   install into .venv and run the whole test suite headless
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint ci bench build clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/dealmaker

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check dealmaker tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

ci: test lint

bench: $(STAMP)
	$(BIN)/python bench/bench_demo.py
	$(BIN)/python bench/bench_startup.py
	$(BIN)/python bench/bench_check.py
	$(BIN)/python bench/bench_contacts.py
	$(BIN)/python bench/bench_contacts_ui.py
	$(BIN)/python bench/bench_import.py
	$(BIN)/python bench/bench_deals.py
	$(BIN)/python bench/bench_graph.py
	$(BIN)/python bench/bench_privacy.py
	$(BIN)/python bench/bench_workbook.py
	$(BIN)/python bench/bench_size.py

build: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[build]"
	$(BIN)/pyinstaller --noconfirm build.spec

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
