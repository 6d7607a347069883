"""`dockwrap container kill` (also `dockwrap kill`)."""

from __future__ import annotations

from ...cli.verbs import Invocation, docker_verb


@docker_verb(("container", "kill"), examples=("dockwrap kill web", "dockwrap kill -s HUP web    # reload"))
def command(run: Invocation) -> None:
    """Send a signal to running containers (SIGKILL by default); print their names."""
    names = run.operands(1)
    run.out.done(lambda: run.docker.container.kill(names, docker_args=run.line.docker_words))
