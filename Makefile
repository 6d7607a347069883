# The two commands of the README: `make demo` (the main job) and `make test` (the whole suite).
# Each makes or reuses the venv, installs dockwrap into it, and starts an engine if none answers.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: demo test unit lint typecheck apidocs engine-up engine-down test-tools bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

engine-up:
	scripts/engine up

engine-down:
	scripts/engine down

# What the remote-engine tests start (sshd, openssl, podman): the tests install it themselves
# when missing; this does it ahead of time.
test-tools:
	scripts/test-tools all

demo: $(VENV)/.installed engine-up
	$(BIN)/dockwrap recipe pingable-pair

# The suite, then ruff and mypy: a test run that passes is also a tree that lints.
test: $(VENV)/.installed engine-up
	$(BIN)/python -m pytest
	$(MAKE) lint

unit: $(VENV)/.installed
	$(BIN)/python -m pytest tests/unit

# ruff (lint and format check, configured in pyproject.toml) and mypy; the lint extra installs them.
lint: $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[lint]'
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy dockwrap

# mypy alone: the lint extra brings mypy and the stubs it needs.
typecheck: $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[lint]'
	$(BIN)/mypy dockwrap

# The API reference, from the docstrings (pdoc), into build/api/; any warning fails it.
apidocs: $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[docs]'
	$(BIN)/python scripts/apidocs build/api

bench: $(VENV)/.installed engine-up
	$(BIN)/python benchmarks/run.py

clean:
	[ ! -d .podman ] || scripts/podman down
	rm -rf $(VENV) .engine *.egg-info
