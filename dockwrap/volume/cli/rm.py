"""`dockwrap volume rm`."""

from __future__ import annotations

from ...cli.verbs import Invocation, docker_verb


@docker_verb(
    ("volume", "rm"),
    examples=("dockwrap volume rm data", "dockwrap volume rm -f data gone    # a missing one is no error"),
)
def command(run: Invocation) -> None:
    """Remove volumes; print the names removed."""
    names = run.operands(1)
    run.out.done(lambda: run.docker.volume.rm(names, docker_args=run.line.docker_words))
