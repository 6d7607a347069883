"""The notes a recipe run adds to an error's hint (`DockwrapError.with_note`), as templates:
what the run left when its cleanup could not finish, and the container a failed `run -p` made
that the run removed. The CLI has its own words for the first two (dockwrap/cli/hints.py)."""

from __future__ import annotations

__all__ = ["LEFT_NOTE", "GONE_LEFT_NOTE", "CREATED_REMOVED_NOTE"]

LEFT_NOTE = "remove what run {run_left} left with Recipes(docker).cleanup(run={run_left!r})"
#: when the engine stopped answering
GONE_LEFT_NOTE = "once it answers, " + LEFT_NOTE
CREATED_REMOVED_NOTE = "the container docker made without starting it was removed"
