"""`dockwrap container rm`."""

from __future__ import annotations

from ...cli.verbs import Invocation, docker_verb


@docker_verb(
    ("container", "rm"), examples=("dockwrap container rm web", "dockwrap container rm -f web db    # stop and remove")
)
def command(run: Invocation) -> None:
    """Remove containers; print the names removed."""
    names = run.operands(1)
    run.out.done(lambda: run.docker.container.rm(names, docker_args=run.line.docker_words))
