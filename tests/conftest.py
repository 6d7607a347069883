"""Loads the test harness (tests/harness.py): engine marker, naming, labelling, leftover check."""

pytest_plugins = ["tests.harness"]
