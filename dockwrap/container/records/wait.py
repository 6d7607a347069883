"""`docker container wait`: each container's exit status, one line per container in the order named."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...errors import ParseError
from ...parse.record import Record


@dataclass(frozen=True, slots=True)
class WaitResult(Record):
    """A container that stopped, and the status its main process exited with (137: killed)."""

    name: str
    status: int


def parse_wait(text: str, names: Sequence[str], command: str = "docker container wait") -> list[WaitResult]:
    """The statuses docker printed for `names` (as given to it). docker prints nothing for a
    container it could not wait for (its error is on stderr): every name needs its line here."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) != len(names):
        raise ParseError(command, f"{len(lines)} statuses for {len(names)} containers", text.strip()[:200])
    results = []
    for name, line in zip(names, lines, strict=True):
        if not line.isdigit():
            raise ParseError(command, f"the status of {name} is not a number", line)
        results.append(WaitResult(name, int(line)))
    return results
