"""`dockwrap context ls`."""

from __future__ import annotations

from ...cli.output import Column
from ...cli.verbs import JSON, RAW, Invocation, docker_verb

COLUMNS: list[Column] = [
    ("NAME", lambda c: c.name + (" *" if c.current else "")),
    ("DESCRIPTION", lambda c: c.description),
    ("DOCKER ENDPOINT", lambda c: c.docker_endpoint),
    ("ERROR", lambda c: c.error),
]


@docker_verb(
    ("context", "ls"),
    own=(JSON, RAW),
    examples=(
        "dockwrap context ls",
        "dockwrap context ls --json | jq -r '.[] | select(.current) | .docker_endpoint'",
    ),
)
def command(run: Invocation) -> None:
    """List contexts; the current one is marked *."""
    run.listing(lambda words: run.docker.context.ls(docker_args=words), COLUMNS)
