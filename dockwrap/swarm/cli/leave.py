"""`dockwrap swarm leave`."""

from __future__ import annotations

from ...cli.verbs import Invocation, docker_verb


@docker_verb(
    ("swarm", "leave"),
    examples=("dockwrap swarm leave --force     # a manager: its services and overlay networks go too",),
)
def command(run: Invocation) -> None:
    """Leave the swarm."""
    run.operands(0, 0)
    run.docker.swarm.leave(docker_args=run.line.docker_words)
