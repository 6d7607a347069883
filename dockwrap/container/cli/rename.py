"""`dockwrap container rename` (also `dockwrap rename`)."""

from __future__ import annotations

from ...cli.verbs import Invocation, docker_verb


@docker_verb(("container", "rename"), examples=("dockwrap rename web web-old",))
def command(run: Invocation) -> None:
    """Rename a container."""
    name, new_name = run.operands(2, 2)
    run.docker.container.rename(name, new_name, docker_args=run.line.docker_words)
