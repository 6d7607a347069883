"""`dockwrap service logs`."""

from __future__ import annotations

from ...cli.verbs import Invocation, docker_verb


@docker_verb(("service", "logs"), examples=("dockwrap service logs web", "dockwrap service logs -f --tail 10 web"))
def command(run: Invocation) -> None:
    """Show the output of every task of a service, each line prefixed with its task."""
    (name,) = run.operands(1, 1)
    run.docker.service.logs(name, output="terminal", docker_args=run.line.docker_words)
