"""`dockwrap service ls`."""

from __future__ import annotations

from ...cli.output import Column
from ...cli.verbs import JSON, RAW, Invocation, docker_verb

COLUMNS: list[Column] = [
    ("ID", lambda s: s.id[:12]),
    ("NAME", lambda s: s.name),
    ("MODE", lambda s: s.mode),
    # docker's own text: it also says "(max 1 per node)" or "(1/1 completed)"
    ("REPLICAS", lambda s: s.raw.get("Replicas", "")),
    ("IMAGE", lambda s: s.image),
    ("PORTS", lambda s: s.raw.get("Ports", "")),
]


@docker_verb(
    ("service", "ls"),
    own=(JSON, RAW),
    examples=(
        "dockwrap service ls",
        "dockwrap service ls --filter label=lesson=swarm --json | jq '.[] | {name, replicas_running}'",
    ),
)
def command(run: Invocation) -> None:
    """List services."""
    run.listing(lambda words: run.docker.service.ls(docker_args=words), COLUMNS)
