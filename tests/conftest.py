"""Loads the test harness (tests/harness.py): engine marker, naming, labelling, leftover check;
and the local registries (tests/registry.py)."""

pytest_plugins = ["tests.harness", "tests.registry"]
