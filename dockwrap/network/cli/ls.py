"""`dockwrap network ls`."""

from __future__ import annotations

from ...cli.output import Column
from ...cli.verbs import JSON, RAW, Invocation, docker_verb

COLUMNS: list[Column] = [
    ("NETWORK ID", lambda n: n.id[:12]),
    ("NAME", lambda n: n.name),
    ("DRIVER", lambda n: n.driver),
    ("SCOPE", lambda n: n.scope),
]


@docker_verb(
    ("network", "ls"),
    own=(JSON, RAW),
    examples=(
        "dockwrap network ls",
        "dockwrap network ls --filter driver=bridge --json | jq -r '.[].name'",
    ),
)
def command(run: Invocation) -> None:
    """List networks."""
    run.listing(lambda words: run.docker.network.ls(docker_args=words), COLUMNS)
