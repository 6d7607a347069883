"""`dockwrap volume ls`."""

from __future__ import annotations

from ...cli.output import Column
from ...cli.verbs import JSON, RAW, Invocation, docker_verb

COLUMNS: list[Column] = [
    ("DRIVER", lambda v: v.driver),
    ("VOLUME NAME", lambda v: v.name),
]


@docker_verb(
    ("volume", "ls"),
    own=(JSON, RAW),
    examples=(
        "dockwrap volume ls",
        "dockwrap volume ls --filter dangling=true -q",
        "dockwrap volume ls --filter label=purpose --json | jq -r '.[].mountpoint'",
    ),
)
def command(run: Invocation) -> None:
    """List volumes."""
    run.listing(lambda words: run.docker.volume.ls(docker_args=words), COLUMNS)
