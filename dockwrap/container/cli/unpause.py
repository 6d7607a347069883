"""`dockwrap container unpause` (also `dockwrap unpause`)."""

from __future__ import annotations

from ...cli.verbs import Invocation, docker_verb


@docker_verb(("container", "unpause"), examples=("dockwrap unpause web",))
def command(run: Invocation) -> None:
    """Thaw paused containers; print their names."""
    names = run.operands(1)
    run.out.done(lambda: run.docker.container.unpause(names, docker_args=run.line.docker_words))
