"""`dockwrap context use`."""

from __future__ import annotations

from ...cli.verbs import Invocation, docker_verb


@docker_verb(("context", "use"), examples=("dockwrap context use lab", "dockwrap context use default"))
def command(run: Invocation) -> None:
    """Make a context the current one for every later docker call; print its name."""
    (name,) = run.operands(1, 1)
    run.docker.context.use(name, docker_args=run.line.docker_words)
    run.out.line(name)
