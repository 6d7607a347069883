"""`dockwrap container pause` (also `dockwrap pause`)."""

from __future__ import annotations

from ...cli.verbs import Invocation, docker_verb


@docker_verb(("container", "pause"), examples=("dockwrap pause web", "dockwrap unpause web"))
def command(run: Invocation) -> None:
    """Freeze every process of running containers; print their names."""
    names = run.operands(1)
    run.out.done(lambda: run.docker.container.pause(names, docker_args=run.line.docker_words))
