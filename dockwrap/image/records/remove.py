"""`docker image rm` and `docker image prune` output: RemovedImage rows, and the PruneResult
every prune shares (dockwrap.parse.prune).

    rm:     Untagged: fxrec-img-alias:c          prune:  Deleted Images:
            Deleted: sha256:f919...                      untagged: fxrec-img-built:q
                                                         deleted: sha256:1a1c...

                                                         Total reclaimed space: 6MB
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...errors import ParseError
from ...parse.prune import PruneResult, parse_prune
from ...parse.record import Record

_ROW = re.compile(r"^(Untagged|Deleted|untagged|deleted): (\S+)$")


@dataclass(frozen=True, slots=True)
class RemovedImage(Record):
    """One line of what docker removed: `action` "untagged" (`reference` is the name it took
    off) or "deleted" (`reference` is the ID of the image or layer it deleted)."""

    action: str
    reference: str


def _row(line: str, command: str) -> RemovedImage:
    match = _ROW.match(line)
    if not match:
        raise ParseError(command, "not an Untagged or Deleted line", line)
    return RemovedImage(match.group(1).lower(), match.group(2))


def parse_image_rm(text: str, command: str = "docker image rm") -> list[RemovedImage]:
    """The rows `image rm` printed (also those of a call that failed for another name)."""
    return [_row(line, command) for line in text.splitlines() if line.strip()]


def parse_image_prune(text: str, command: str = "docker image prune") -> PruneResult:
    """The shared prune record (dockwrap.parse.prune); `image prune` always ends with its total,
    so output without it was cut short (a ParseError)."""
    result = parse_prune(text, command)
    if result.space_reclaimed_bytes is None:
        last = (text.strip().splitlines() or [""])[-1]
        raise ParseError(command, "no 'Total reclaimed space' line: the output is cut short", last)
    return result
