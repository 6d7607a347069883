"""`dockwrap node ls`."""

from __future__ import annotations

from ...cli.output import Column
from ...cli.verbs import JSON, RAW, Invocation, docker_verb

COLUMNS: list[Column] = [
    # docker marks the node it talks to with a star after the ID
    ("ID", lambda n: n.id + (" *" if n.self else "")),
    ("HOSTNAME", lambda n: n.hostname),
    ("STATUS", lambda n: n.status),
    ("AVAILABILITY", lambda n: n.availability),
    ("MANAGER STATUS", lambda n: n.manager_status),
    ("ENGINE VERSION", lambda n: n.engine_version),
]


@docker_verb(
    ("node", "ls"),
    own=(JSON, RAW),
    examples=(
        "dockwrap node ls",
        "dockwrap node ls --json | jq -r '.[] | select(.self) | .hostname'",
    ),
)
def command(run: Invocation) -> None:
    """List the swarm's nodes (on a manager)."""
    run.listing(lambda words: run.docker.node.ls(docker_args=words), COLUMNS)
