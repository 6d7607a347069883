"""`dockwrap network disconnect`."""

from __future__ import annotations

from ...cli.verbs import Invocation, docker_verb


@docker_verb(("network", "disconnect"), examples=("dockwrap network disconnect lesson a",))
def command(run: Invocation) -> None:
    """Disconnect a container from a network."""
    network, container = run.operands(2, 2)
    run.docker.network.disconnect(network, container, docker_args=run.line.docker_words)
