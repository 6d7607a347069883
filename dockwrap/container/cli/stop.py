"""`dockwrap container stop`."""

from __future__ import annotations

from ...cli.verbs import Invocation, docker_verb


@docker_verb(("container", "stop"), examples=("dockwrap container stop web", "dockwrap container stop -t 0 web db"))
def command(run: Invocation) -> None:
    """Stop running containers (SIGTERM, then SIGKILL after the grace time); print their names."""
    names = run.operands(1)
    run.out.done(lambda: run.docker.container.stop(names, docker_args=run.line.docker_words))
