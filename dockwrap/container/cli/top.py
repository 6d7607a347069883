"""`dockwrap container top`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ...cli.verbs import JSON, RAW, Invocation, docker_verb

if TYPE_CHECKING:  # pragma: no cover
    from ..records import Process


@docker_verb(
    ("container", "top"),
    own=(JSON, RAW),
    examples=(
        "dockwrap container top web",
        "dockwrap container top --json web | jq '.[].pid'    # host PIDs",
        "dockwrap container top web -o pid,comm",
    ),
)
def command(run: Invocation) -> None:
    """Show a container's processes, as the host sees them (host PIDs).

    Words after the container go to the host's `ps` (default -ef); dockwrap's options go
    before the container.
    """
    name, *ps_args = run.operands(1)
    processes = run.docker.container.top(name, ps_args, docker_args=run.line.docker_words)
    if run.out.as_json:
        run.out.json(processes)
        return
    headers = list(processes[0].raw) if processes else ["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"]
    run.out.table(processes, [(h, _cell(h)) for h in headers])


def _cell(header: str) -> Callable[[Process], str | None]:
    """The column of one ps header, as docker printed it."""
    return lambda process: process.raw.get(header)
