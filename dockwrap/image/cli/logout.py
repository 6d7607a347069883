"""`dockwrap logout` (docker's own top-level command)."""

from __future__ import annotations

from ...cli.verbs import Invocation, docker_verb


@docker_verb(("logout",), examples=("dockwrap logout 127.0.0.1:5000", "dockwrap logout      # Docker Hub"))
def command(run: Invocation) -> None:
    """Log out of a registry: its stored credentials removed (docker's message)."""
    operands = run.operands(0, 1)
    done = run.docker.registry.logout(operands[0] if operands else None, docker_args=run.line.docker_words)
    if not run.docker.dry_run:
        run.out.line(done.out.strip())
