"""`dockwrap system prune`."""

from __future__ import annotations

from ...cli.prune import pruning
from ...cli.verbs import JSON, Invocation, docker_verb


@docker_verb(
    ("system", "prune"),
    own=(JSON,),
    examples=(
        "dockwrap system prune -f",
        "dockwrap system prune -f --filter label=purpose=demo --json",
        "dockwrap system prune -a --volumes -f     # every unused image and volume too",
    ),
)
def command(run: Invocation) -> None:
    """Remove stopped containers, unused networks, dangling images and the build cache (-a: every
    unused image; --volumes: unused volumes); show what went and the space reclaimed.

    Without -f dockwrap asks on a terminal, and refuses without one (docker would ask nobody,
    remove nothing and succeed).
    """
    what = [
        "all stopped containers",
        "all networks not used by at least one container",
        "all images without at least one container" if run.line.flag("all") else "all dangling images",
        "the build cache",
    ]
    if run.line.flag("volumes"):
        what.insert(2, "the volumes not used by at least one container")
    pruning(run, lambda words: run.docker.system.prune(docker_args=words), ", ".join(what))
