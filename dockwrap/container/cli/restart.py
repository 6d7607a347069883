"""`dockwrap container restart` (also `dockwrap restart`)."""

from __future__ import annotations

from ...cli.verbs import Invocation, docker_verb


@docker_verb(("container", "restart"), examples=("dockwrap restart web", "dockwrap restart -t 0 web db"))
def command(run: Invocation) -> None:
    """Restart containers; print their names."""
    names = run.operands(1)
    run.out.done(lambda: run.docker.container.restart(names, docker_args=run.line.docker_words))
