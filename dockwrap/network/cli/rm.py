"""`dockwrap network rm`."""

from __future__ import annotations

from ...cli.verbs import Invocation, docker_verb


@docker_verb(("network", "rm"), examples=("dockwrap network rm lesson",))
def command(run: Invocation) -> None:
    """Remove networks; print the names removed."""
    names = run.operands(1)
    run.out.done(lambda: run.docker.network.rm(names, docker_args=run.line.docker_words))
