"""`dockwrap container logs` (also `dockwrap logs`)."""

from __future__ import annotations

from ...cli.verbs import Invocation, docker_verb


@docker_verb(
    ("container", "logs"),
    examples=(
        "dockwrap logs web",
        "dockwrap logs -f --tail 10 -t web",
        "dockwrap logs --since 10m web",
    ),
)
def command(run: Invocation) -> None:
    """Show a container's output: its stdout on stdout, its stderr on stderr, byte for byte."""
    (name,) = run.operands(1, 1)
    run.docker.container.logs(name, output="terminal", docker_args=run.line.docker_words)
