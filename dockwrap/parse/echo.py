"""What docker echoes after doing something: the names it acted on, or the ID it made.

* `kill`, `restart`, `stop`, `pause`, `unpause`, `update`, `volume create/rm`, `context use/rm`:
  each name (or ID) as given, one per line, in the order given;
* `container create`, `volume create` without a name: the new object's full ID (64 hex digits).
"""

from __future__ import annotations

import re

from ..errors import ParseError

__all__ = ["parse_names", "parse_id"]

_FULL_ID = re.compile(r"[0-9a-f]{64}")


def parse_names(text: str, command: str) -> list[str]:
    """One name per line; a line with a blank inside is not a name docker echoes."""
    names = [line.strip() for line in text.splitlines() if line.strip()]
    for name in names:
        if any(char.isspace() for char in name):
            raise ParseError(command, "a line is not a name", name)
    return names


def parse_id(text: str, command: str) -> str:
    """The one full ID docker printed."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) != 1 or not _FULL_ID.fullmatch(lines[0]):
        raise ParseError(command, "not one full ID", text.strip()[:200])
    return lines[0]
