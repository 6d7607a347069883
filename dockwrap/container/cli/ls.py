"""`dockwrap container ls` (also `dockwrap ps`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...cli.output import Column
from ...cli.verbs import JSON, RAW, Invocation, docker_verb

if TYPE_CHECKING:  # pragma: no cover
    from ..records import Container


def _command_cell(row: Container) -> str:
    # as docker's table: cut to 20 characters, then quoted as Go quotes (escape sequences and
    # line breaks written out)
    from ...parse.gostring import go_quote

    return go_quote(row.command if len(row.command) <= 20 else row.command[:19] + "…")


def _ports_cell(row: Container) -> str:
    ports = row.raw.get("Ports")  # docker's own text; podman's JSON has a list instead
    return ports if ports and isinstance(ports, str) else ", ".join(str(p) for p in row.ports)


def _size_cell(row: Container) -> object:
    size = row.raw.get("Size")  # docker's "3B (virtual 1.98MB)"; podman's JSON has an object
    return size if isinstance(size, str) else row.size_bytes


COLUMNS: list[Column] = [
    ("CONTAINER ID", lambda r: r.id[:12]),
    ("IMAGE", lambda r: r.image),
    ("COMMAND", _command_cell),
    ("CREATED", lambda r: r.running_for),
    ("STATUS", lambda r: r.status),
    ("PORTS", _ports_cell),
    ("NAMES", lambda r: r.name),
]


@docker_verb(
    ("container", "ls"),
    own=(JSON, RAW),
    examples=(
        "dockwrap container ls -a",
        "dockwrap ps --filter label=dockwrap.recipe --json | jq '.[].name'",
        "dockwrap ps -aq                 # IDs only",
        "dockwrap ps --format '{{.Names}}'   # docker's own output",
    ),
)
def command(run: Invocation) -> None:
    """List containers."""
    columns = COLUMNS + ([("SIZE", _size_cell)] if run.line.flag("size") else [])
    run.listing(lambda words: run.docker.container.ls(docker_args=words), columns)
