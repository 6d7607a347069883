"""`dockwrap context rm`."""

from __future__ import annotations

from ...cli.verbs import Invocation, docker_verb


@docker_verb(
    ("context", "rm"), examples=("dockwrap context rm lab", "dockwrap context rm -f lab    # even the current one")
)
def command(run: Invocation) -> None:
    """Remove contexts; print the names removed."""
    names = run.operands(1)
    run.out.done(lambda: run.docker.context.rm(names, docker_args=run.line.docker_words))
