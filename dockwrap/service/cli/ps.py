"""`dockwrap service ps`."""

from __future__ import annotations

from ...cli.output import Column
from ...cli.verbs import JSON, RAW, Invocation, docker_verb

COLUMNS: list[Column] = [
    ("ID", lambda t: t.id),
    ("NAME", lambda t: t.name),
    ("IMAGE", lambda t: t.image),
    ("NODE", lambda t: t.node),
    ("DESIRED STATE", lambda t: t.desired_state),
    ("CURRENT STATE", lambda t: t.current_state),
    ("ERROR", lambda t: t.error),
    ("PORTS", lambda t: t.raw.get("Ports", "")),
]


@docker_verb(
    ("service", "ps"),
    own=(JSON, RAW),
    examples=(
        "dockwrap service ps web",
        "dockwrap service ps --filter desired-state=running web --json | jq -r '.[].node'",
        "dockwrap service ps --no-trunc web      # whole task errors",
    ),
)
def command(run: Invocation) -> None:
    """List the tasks of services: where each runs, its state, and why it failed."""
    names = run.operands(1)
    run.listing(lambda words: run.docker.service.ps(names, docker_args=words), COLUMNS)
