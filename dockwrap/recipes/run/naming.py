"""A run's names and labels: its ID, `dw-RECIPE-RUN-part` names, and the labels that say which
run made what (`dockwrap.recipe=RECIPE`, `dockwrap.run=RUN`, plus the caller's own)."""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping

from ...errors import UsageError

__all__ = ["RecipeArgumentError", "Naming", "check_name", "check_labels"]

#: run IDs and recipe names: what a label filter can select exactly, and a container name can hold
_SELECTOR = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*\Z")


class RecipeArgumentError(UsageError, ValueError):
    """A recipe was given a value it cannot use (exit 2 from the CLI; a ValueError in Python)."""


def check_name(value: object, what: str) -> str:
    """A run ID or a recipe name: letters, digits, `_`, `.` and `-`, starting with a letter or digit."""
    if not isinstance(value, str) or not _SELECTOR.match(value):
        raise RecipeArgumentError(
            f"{what} must be letters, digits, '_', '.' or '-', starting with a letter or digit, not {value!r}"
        )
    return value


def check_labels(labels: Mapping[str, str] | None) -> dict[str, str]:
    """The caller's labels: names to strings, none of them the run's own."""
    if labels is None:
        return {}
    if not isinstance(labels, Mapping):
        raise RecipeArgumentError(f"labels must be a mapping of label names to values, not {labels!r}")
    for key, value in labels.items():
        if not isinstance(key, str) or not isinstance(value, str) or not key:
            raise RecipeArgumentError(f"labels must map names to strings, not {key!r}: {value!r}")
        if key == "dockwrap.run" or key.startswith("dockwrap.recipe"):
            raise RecipeArgumentError(f"the label {key} is set by the recipe itself (it says which run made what)")
    return dict(labels)


class Naming:
    """The names and labels of one run of `recipe` (run_id: 6 random hex digits unless given)."""

    def __init__(self, recipe: str, run_id: str | None = None, labels: Mapping[str, str] | None = None) -> None:
        self.recipe = check_name(recipe, "the recipe name")
        self.run_id = secrets.token_hex(3) if run_id is None else check_name(run_id, "the run ID")
        #: on everything the run creates
        self.labels = {"dockwrap.recipe": recipe, "dockwrap.run": self.run_id, **check_labels(labels)}
        #: the filter that selects what this run made, and only that
        self.selector = f"label=dockwrap.run={self.run_id}"

    def name(self, part: str) -> str:
        return f"dw-{self.recipe}-{self.run_id}-{part}"
