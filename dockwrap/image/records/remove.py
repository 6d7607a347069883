"""`docker image rm` and `docker image prune` output: RemovedImage rows, PruneResult.

    rm:     Untagged: fxrec-img-alias:c          prune:  Deleted Images:
            Deleted: sha256:f919...                      untagged: fxrec-img-built:q
                                                         deleted: sha256:1a1c...

                                                         Total reclaimed space: 6MB
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...errors import ParseError
from ...parse.record import Record
from ...parse.units import parse_size

_ROW = re.compile(r"^(Untagged|Deleted|untagged|deleted): (\S+)$")
_TOTAL = re.compile(r"^Total reclaimed space: (\S+)$")


@dataclass(frozen=True, slots=True)
class RemovedImage(Record):
    """One line of what docker removed: `action` "untagged" (`reference` is the name it took
    off) or "deleted" (`reference` is the ID of the image or layer it deleted)."""

    action: str
    reference: str


@dataclass(frozen=True, slots=True)
class PruneResult(Record):
    removed: list[RemovedImage]
    space_reclaimed_bytes: int

    @property
    def deleted(self) -> list[str]:
        """The IDs deleted."""
        return [row.reference for row in self.removed if row.action == "deleted"]


def _row(line: str, command: str) -> RemovedImage:
    match = _ROW.match(line)
    if not match:
        raise ParseError(command, "not an Untagged or Deleted line", line)
    return RemovedImage(match.group(1).lower(), match.group(2))


def parse_image_rm(text: str, command: str = "docker image rm") -> list[RemovedImage]:
    """The rows `image rm` printed (also those of a call that failed for another name)."""
    return [_row(line, command) for line in text.splitlines() if line.strip()]


def parse_image_prune(text: str, command: str = "docker image prune") -> PruneResult:
    lines = [line for line in text.splitlines() if line.strip()]
    match = _TOTAL.match(lines[-1]) if lines else None
    if not match:
        last = lines[-1] if lines else ""
        raise ParseError(command, "no 'Total reclaimed space' line: the output is cut short", last)
    rows = lines[:-1]
    if rows and rows[0] == "Deleted Images:":
        rows = rows[1:]
    try:
        space = parse_size(match.group(1))
    except ValueError:
        raise ParseError(command, "the space reclaimed is not a size", lines[-1]) from None
    return PruneResult([_row(line, command) for line in rows], space or 0)
