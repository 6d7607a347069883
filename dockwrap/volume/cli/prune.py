"""`dockwrap volume prune`."""

from __future__ import annotations

from ...cli.prune import pruning
from ...cli.verbs import JSON, Invocation, docker_verb


@docker_verb(
    ("volume", "prune"),
    own=(JSON,),
    examples=(
        "dockwrap volume prune -f",
        "dockwrap volume prune -f --filter label=purpose=demo --json | jq '.volumes'",
        "dockwrap volume prune -a -f     # named volumes too (engines of API 1.42 and later)",
    ),
)
def command(run: Invocation) -> None:
    """Remove unused volumes; show what went and the space reclaimed.

    Without -f dockwrap asks on a terminal, and refuses without one (docker would ask nobody,
    remove nothing and succeed).
    """
    removes = "all local volumes" if run.line.flag("all") else "the local volumes"
    pruning(
        run, lambda words: run.docker.volume.prune(docker_args=words), f"{removes} not used by at least one container"
    )
