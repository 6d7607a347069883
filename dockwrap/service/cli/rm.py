"""`dockwrap service rm`."""

from __future__ import annotations

from ...cli.verbs import Invocation, docker_verb


@docker_verb(("service", "rm"), examples=("dockwrap service rm web", "dockwrap service rm web api"))
def command(run: Invocation) -> None:
    """Remove services (their tasks stop shortly after); print the names removed."""
    names = run.operands(1)
    run.out.done(lambda: run.docker.service.rm(names, docker_args=run.line.docker_words))
