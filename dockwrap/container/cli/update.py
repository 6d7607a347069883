"""`dockwrap container update` (also `dockwrap update`)."""

from __future__ import annotations

from ...cli.verbs import Invocation, docker_verb


@docker_verb(
    ("container", "update"),
    examples=(
        "dockwrap update --memory 64m --memory-swap 128m --cpus 0.5 web",
        "dockwrap update --restart unless-stopped web db",
    ),
)
def command(run: Invocation) -> None:
    """Change containers' limits or restart policy, running or not; print their names."""
    names = run.operands(1)
    run.out.done(lambda: run.docker.container.update(names, docker_args=run.line.docker_words))
