"""`dockwrap container prune`."""

from __future__ import annotations

from ...cli.prune import pruning
from ...cli.verbs import JSON, Invocation, docker_verb


@docker_verb(
    ("container", "prune"),
    own=(JSON,),
    examples=(
        "dockwrap container prune -f",
        "dockwrap container prune -f --filter label=purpose=demo --filter until=1h --json | jq '.containers'",
    ),
)
def command(run: Invocation) -> None:
    """Remove all stopped containers; show what went and the space reclaimed.

    Without -f dockwrap asks on a terminal, and refuses without one (docker would ask nobody,
    remove nothing and succeed).
    """
    pruning(run, lambda words: run.docker.container.prune(docker_args=words), "all stopped containers")
